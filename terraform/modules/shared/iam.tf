################################################################################
# Permissions boundary of every environment's task role
################################################################################

locals {
  iam_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}"
  # Environment buckets are `<prefix>-<env>-<account>-<region>`.
  environment_buckets = "arn:${data.aws_partition.current.partition}:s3:::${var.name_prefix}-*-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}"
  task_roles          = "${local.iam_arn}:role/${var.name_prefix}-*-task"
}

# The most any environment's task role can ever do, whatever policy the workflow puts on it:
# its own kind of bucket, ECS Exec, and what `task_boundary_policy_documents` adds.
data "aws_iam_policy_document" "task_boundary" {
  source_policy_documents = var.task_boundary_policy_documents

  statement {
    sid       = "EnvironmentBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [local.environment_buckets]
  }

  statement {
    sid       = "EnvironmentBucketObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectAcl", "s3:PutObjectAcl"]
    resources = ["${local.environment_buckets}/*"]
  }

  statement {
    sid = "EcsExec"
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "task_boundary" {
  name        = "${var.name_prefix}-task-boundary"
  description = "Permissions boundary every ad hoc environment's task role carries"
  policy      = data.aws_iam_policy_document.task_boundary.json

  tags = local.tags
}

################################################################################
# The workflow's policy: least privilege, rendered from this stack's real ARNs
################################################################################

locals {
  ecs            = local.arn_prefix.ecs
  clusters       = ["${local.ecs}:cluster/${var.name_prefix}-*", aws_ecs_cluster.admin.arn]
  listener_arns  = [for lb in local.load_balancers : lb.listener_arn]
  listener_rules = [for arn in local.listener_arns : "${replace(arn, ":listener/", ":listener-rule/")}/*"]
  state_bucket   = "arn:${data.aws_partition.current.partition}:s3:::${coalesce(var.terraform_state.bucket, "-")}"
  state_objects = [for key in [var.terraform_state.environments_key, "${var.terraform_state.environments_key}.tflock"] :
    "${local.state_bucket}/${key}"
  ]
  workspace_state_objects = [for key in [var.terraform_state.environments_key, "${var.terraform_state.environments_key}.tflock"] :
    "${local.state_bucket}/${var.terraform_state.workspace_key_prefix}/*/${key}"
  ]
  manifests = ["${local.arn_prefix.ssm}:parameter${var.manifest_prefix}", "${local.arn_prefix.ssm}:parameter${var.manifest_prefix}/*"]
  # One DNS label under the domain (`<env>.<domain>`), never the apex, www, deeper names or
  # names with escaped characters such as the wildcard record (`\052`).
  # The namespace's private zone (moto reports it as /hostedzone/<id>, AWS as the id).
  namespace_zone_id      = trimprefix(aws_service_discovery_private_dns_namespace.this.hosted_zone, "/hostedzone/")
  preview_record_names   = coalescelist(var.preview_record_names, ["*.${var.domain}"])
  protected_record_names = concat(["*.*.${var.domain}", "*\\*", "www.${var.domain}"], var.protected_record_names)
}

data "aws_iam_policy_document" "workflow" {
  statement {
    sid = "ReadOnlyUnscoped"
    actions = [
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSecurityGroupRules",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "ecs:DescribeTaskDefinition",
      "ecs:ListClusters",
      "ecs:ListServices",
      "ecs:ListTaskDefinitions",
      "ecs:ListTasks",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
      "logs:DescribeLogGroups",
      "secretsmanager:ListSecrets",
      "servicediscovery:GetOperation",
      "servicediscovery:ListNamespaces",
      "servicediscovery:ListServices",
      "servicediscovery:ListTagsForResource",
      "servicequotas:GetServiceQuota",
      "ssm:DescribeParameters",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "Manifests"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory", "ssm:ListTagsForResource", "ssm:PutParameter", "ssm:DeleteParameter", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource"]
    resources = local.manifests
  }

  dynamic "statement" {
    for_each = var.terraform_state.bucket == null ? [] : [1]

    content {
      sid       = "TerraformStateBucket"
      actions   = ["s3:ListBucket"]
      resources = [local.state_bucket]
    }
  }

  dynamic "statement" {
    for_each = var.terraform_state.bucket == null ? [] : [1]

    content {
      sid       = "TerraformSharedState"
      actions   = ["s3:GetObject"]
      resources = ["${local.state_bucket}/${var.terraform_state.shared_key}"]
    }
  }

  dynamic "statement" {
    for_each = var.terraform_state.bucket == null ? [] : [1]

    content {
      sid       = "TerraformEnvironmentStates"
      actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      resources = concat(local.state_objects, local.workspace_state_objects)
    }
  }

  statement {
    sid = "EcsEnvironments"
    actions = [
      "ecs:CreateCluster", "ecs:DeleteCluster", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
      "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService",
      "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTasks", "ecs:StopTask",
      "ecs:TagResource", "ecs:UntagResource", "ecs:ListTagsForResource",
    ]
    resources = [
      "${local.ecs}:cluster/${var.name_prefix}-*",
      "${local.ecs}:service/${var.name_prefix}-*/*",
      "${local.ecs}:task/${var.name_prefix}-*/*",
      "${local.ecs}:task-definition/${var.name_prefix}-*:*",
    ]
  }

  statement {
    sid       = "DatabaseAdminTasks"
    actions   = ["ecs:DescribeClusters", "ecs:DescribeTasks", "ecs:StopTask", "ecs:ListTagsForResource"]
    resources = [aws_ecs_cluster.admin.arn, "${local.ecs}:task/${aws_ecs_cluster.admin.name}/*"]
  }

  # RegisterTaskDefinition and DeregisterTaskDefinition take no resource. A registered
  # definition runs nowhere but in the prefix's clusters (RunTask, UpdateService below).
  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "RunTasksInThePrefixClustersOnly"
    actions = ["ecs:RunTask"]
    resources = [
      "${local.ecs}:task-definition/${var.name_prefix}-*:*",
      "${local.ecs}:task-definition/${aws_ecs_task_definition.dbadmin.family}:*",
    ]

    condition {
      test     = "ArnLike"
      variable = "ecs:cluster"
      values   = local.clusters
    }
  }

  statement {
    sid       = "PassOnlyTheStackRolesToEcsTasks"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.execution["environments"].arn, aws_iam_role.execution["dbadmin"].arn, local.task_roles]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "TaskRolesOnlyWithTheBoundary"
    actions   = ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePolicy", "iam:DetachRolePolicy"]
    resources = [local.task_roles]

    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.task_boundary.arn]
    }
  }

  statement {
    sid = "TaskRoles"
    actions = [
      "iam:DeleteRole", "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
      "iam:ListInstanceProfilesForRole", "iam:TagRole", "iam:UntagRole",
    ]
    resources = [local.task_roles]
  }

  statement {
    sid = "Logs"
    actions = [
      "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource",
      "logs:TagLogGroup", "logs:ListTagsForResource", "logs:ListTagsLogGroup",
      "logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents",
    ]
    resources = ["${local.arn_prefix.logs}:log-group:/${var.name_prefix}/*"]
  }

  statement {
    sid       = "DatabaseAdminLogs"
    actions   = ["logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"]
    resources = ["${aws_cloudwatch_log_group.dbadmin.arn}:*"]
  }

  statement {
    sid = "TargetGroups"
    actions = [
      "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags",
    ]
    resources = ["${local.arn_prefix.elasticloadbalancing}:targetgroup/${var.name_prefix}-*/*"]
  }

  statement {
    sid = "ListenerRules"
    actions = [
      "elasticloadbalancing:CreateRule", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:SetRulePriorities", "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags",
    ]
    resources = concat(local.listener_arns, local.listener_rules)
  }

  statement {
    sid       = "PreviewDnsRecords"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["arn:${data.aws_partition.current.partition}:route53:::hostedzone/${local.route53_zone_id}"]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
      values   = local.preview_record_names
    }

    condition {
      test     = "ForAllValues:StringNotLike"
      variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
      values   = local.protected_record_names
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsRecordTypes"
      values   = ["A", "AAAA"]
    }
  }

  # Deleting a Cloud Map service deregisters its instance with the caller's permissions, which
  # removes the redis record in the namespace's private zone.
  statement {
    sid       = "RedisDnsRecords"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["arn:${data.aws_partition.current.partition}:route53:::hostedzone/${local.namespace_zone_id}"]

    condition {
      test     = "ForAllValues:StringLike"
      variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
      values   = ["${var.name_prefix}-*-redis.${aws_service_discovery_private_dns_namespace.this.name}"]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsRecordTypes"
      values   = ["A", "AAAA", "SRV"]
    }
  }

  statement {
    sid     = "DnsReads"
    actions = ["route53:GetHostedZone", "route53:ListResourceRecordSets"]
    resources = [
      "arn:${data.aws_partition.current.partition}:route53:::hostedzone/${local.route53_zone_id}",
      "arn:${data.aws_partition.current.partition}:route53:::hostedzone/${local.namespace_zone_id}",
    ]
  }

  statement {
    sid       = "DnsChanges"
    actions   = ["route53:GetChange"]
    resources = ["arn:${data.aws_partition.current.partition}:route53:::change/*"]
  }

  # Cloud Map service ARNs carry generated ids, not names: scoped to this stack's namespace
  # where IAM can, to Cloud Map services otherwise.
  statement {
    sid       = "ServiceDiscoveryNamespace"
    actions   = ["servicediscovery:CreateService", "servicediscovery:GetNamespace", "servicediscovery:TagResource"]
    resources = [aws_service_discovery_private_dns_namespace.this.arn, "${local.arn_prefix.servicediscovery}:service/*"]
  }

  statement {
    sid = "ServiceDiscoveryServices"
    actions = [
      "servicediscovery:GetService", "servicediscovery:UpdateService", "servicediscovery:DeleteService",
      "servicediscovery:ListInstances", "servicediscovery:DeregisterInstance",
      "servicediscovery:UntagResource",
    ]
    resources = ["${local.arn_prefix.servicediscovery}:service/*"]
  }

  statement {
    sid = "EnvironmentBuckets"
    actions = [
      "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketLocation",
      "s3:GetBucketTagging", "s3:PutBucketTagging", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketCORS",
      "s3:GetBucketWebsite", "s3:GetBucketVersioning", "s3:GetBucketLogging", "s3:GetBucketRequestPayment",
      "s3:GetBucketObjectLockConfiguration", "s3:GetAccelerateConfiguration", "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration",
      "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock", "s3:GetBucketOwnershipControls",
      "s3:PutBucketOwnershipControls",
    ]
    resources = [local.environment_buckets]
  }

  statement {
    sid       = "EnvironmentBucketObjects"
    actions   = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
    resources = ["${local.environment_buckets}/*"]
  }

  statement {
    sid = "EnvironmentSecrets"
    actions = [
      "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret",
      "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:GetResourcePolicy", "secretsmanager:TagResource",
    ]
    resources = [local.environment_secrets]
  }

  dynamic "statement" {
    for_each = var.create_rds || var.fake_database != null ? [1] : []

    content {
      sid       = "DatabaseMasterSecretForBastion"
      actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      resources = [local.database.master_secret_arn]
    }
  }

  # Environment security groups: created in this VPC with the environment tag, changed only
  # while they carry it. Shared groups carry no such tag and cannot be given one.
  statement {
    sid       = "EnvironmentSecurityGroupsCreate"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = [aws_vpc.this.arn]
  }

  statement {
    sid       = "EnvironmentSecurityGroupsCreateTagged"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["${local.arn_prefix.ec2}:security-group/*"]

    condition {
      test     = "Null"
      variable = "aws:RequestTag/adhoc:environment"
      values   = ["false"]
    }
  }

  statement {
    sid       = "EnvironmentSecurityGroupsTagOnCreate"
    actions   = ["ec2:CreateTags"]
    resources = ["${local.arn_prefix.ec2}:security-group/*", "${local.arn_prefix.ec2}:security-group-rule/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values   = ["CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"]
    }
  }

  statement {
    sid = "EnvironmentSecurityGroups"
    actions = [
      "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
      "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules", "ec2:DeleteSecurityGroup",
      "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
    ]
    resources = ["${local.arn_prefix.ec2}:security-group/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:Vpc"
      values   = [aws_vpc.this.arn]
    }

    condition {
      test     = "Null"
      variable = "aws:ResourceTag/adhoc:environment"
      values   = ["false"]
    }
  }

  statement {
    sid       = "EnvironmentSecurityGroupRules"
    actions   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:ModifySecurityGroupRules"]
    resources = ["${local.arn_prefix.ec2}:security-group-rule/*"]
  }

  # Explicit denies win over any allow, here or in another policy on the role.
  statement {
    sid    = "NoBoundaryEscape"
    effect = "Deny"
    actions = [
      "iam:DeleteRolePermissionsBoundary", "iam:PutRolePermissionsBoundary",
      "iam:DeleteUserPermissionsBoundary", "iam:PutUserPermissionsBoundary",
      "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "NoRoleWithoutTheBoundary"
    effect    = "Deny"
    actions   = ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "iam:PermissionsBoundary"
      values   = [aws_iam_policy.task_boundary.arn]
    }
  }

  statement {
    sid       = "NoChangeToTheSharedManifest"
    effect    = "Deny"
    actions   = ["ssm:PutParameter", "ssm:DeleteParameter", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:LabelParameterVersion"]
    resources = ["${local.arn_prefix.ssm}:parameter${var.manifest_prefix}/_shared"]
  }
}

################################################################################
# Optional: the GitHub OIDC role the workflow assumes, with the policy above
################################################################################

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_role && var.github_oidc_provider_arn == null ? 1 : 0

  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]

  tags = local.tags
}

locals {
  github_oidc_provider_arn = var.github_oidc_provider_arn != null ? var.github_oidc_provider_arn : one(aws_iam_openid_connect_provider.github[*].arn)
}

data "aws_iam_policy_document" "github_assume" {
  count = var.create_github_oidc_role ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # Only this repository, and only the listed events/branches/environments of it.
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for subject in var.github_subjects : "repo:${var.github_repository}:${subject}"]
    }
  }
}

resource "aws_iam_role" "workflow" {
  count = var.create_github_oidc_role ? 1 : 0

  name                 = "${var.name}-github-workflow"
  description          = "Assumed by ${var.github_repository}'s workflows to run adhoc-action on preview environments"
  assume_role_policy   = data.aws_iam_policy_document.github_assume[0].json
  max_session_duration = 3600

  tags = local.tags

  lifecycle {
    precondition {
      condition     = var.github_repository != null
      error_message = "create_github_oidc_role needs github_repository (owner/name)."
    }
  }
}

# The policy is larger than an inline role policy may be (10,240 characters), so the role gets
# it as managed policies (6,144 each, ten per role): the statements in a few parts. Explicit
# denies apply whichever part they are in.
locals {
  workflow_statements = jsondecode(data.aws_iam_policy_document.workflow.json).Statement
  workflow_part_size  = ceil(length(local.workflow_statements) / var.workflow_policy_parts)
  workflow_policy_parts = [for i in range(var.workflow_policy_parts) : jsonencode({
    Version   = "2012-10-17"
    Statement = slice(local.workflow_statements, min(i * local.workflow_part_size, length(local.workflow_statements)), min((i + 1) * local.workflow_part_size, length(local.workflow_statements)))
  })]
}

resource "aws_iam_policy" "workflow" {
  count = var.create_github_oidc_role ? var.workflow_policy_parts : 0

  name        = "${var.name}-github-workflow-${count.index + 1}"
  description = "adhoc-action workflow policy, part ${count.index + 1} of ${var.workflow_policy_parts}"
  policy      = local.workflow_policy_parts[count.index]

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "workflow" {
  count = var.create_github_oidc_role ? var.workflow_policy_parts : 0

  role       = aws_iam_role.workflow[0].name
  policy_arn = aws_iam_policy.workflow[count.index].arn
}
