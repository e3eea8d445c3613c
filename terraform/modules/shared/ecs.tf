data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

locals {
  # arn:<partition>:<service>:<region>:<account>, the start of every regional ARN of this stack.
  arn_prefix = { for service in ["ecs", "logs", "secretsmanager", "ssm", "elasticloadbalancing", "servicediscovery", "ec2"] :
    service => "arn:${data.aws_partition.current.partition}:${service}:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"
  }
  # Every environment's own secrets, `<prefix>/<env>/...` (the program creates `<prefix>/<env>/database`).
  environment_secrets = "${local.arn_prefix.secretsmanager}:secret:${var.name_prefix}/*"
}

################################################################################
# Task-execution role shared by every environment
################################################################################

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Two execution roles: the one every environment's task definitions share, and the dbadmin
# task's, the only one that reads the database master secret.
locals {
  execution_roles = {
    environments = { name = "${var.name}-ecs-execution", description = "Pulls images, writes logs and reads <prefix>/* secrets for ad hoc environments' tasks" }
    dbadmin      = { name = "${var.name}-dbadmin-execution", description = "Pulls the image, writes logs and reads the database master secret for the dbadmin task" }
  }
}

resource "aws_iam_role" "execution" {
  for_each = local.execution_roles

  name               = each.value.name
  description        = each.value.description
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  for_each = aws_iam_role.execution

  role       = each.value.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

moved {
  from = aws_iam_role.execution
  to   = aws_iam_role.execution["environments"]
}

moved {
  from = aws_iam_role_policy_attachment.execution
  to   = aws_iam_role_policy_attachment.execution["environments"]
}

# Environments' containers read their own secrets and the listed extra ones, never the master
# secret: only the dbadmin task's own execution role below reads that.
locals {
  secret_arns         = distinct(concat([local.environment_secrets], var.secret_arns))
  secretsmanager_arns = [for a in local.secret_arns : a if can(regex("^arn:[^:]+:secretsmanager:", a))]
  ssm_parameter_arns  = [for a in local.secret_arns : a if can(regex("^arn:[^:]+:ssm:", a))]
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    sid       = "SecretsManager"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = local.secretsmanager_arns
  }

  dynamic "statement" {
    for_each = length(local.ssm_parameter_arns) > 0 ? [1] : []

    content {
      sid       = "ParameterStore"
      actions   = ["ssm:GetParameters"]
      resources = local.ssm_parameter_arns
    }
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-secrets"
  role   = aws_iam_role.execution["environments"].id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

################################################################################
# Database administration task: creates and drops per-environment databases and roles
################################################################################

data "aws_iam_policy_document" "dbadmin_execution_secret" {
  statement {
    sid       = "MasterSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = compact([local.database.master_secret_arn])
  }
}

resource "aws_iam_role_policy" "dbadmin_execution_secret" {
  # Known at plan time, unlike the secret's ARN while RDS is being created.
  count = var.create_rds || var.fake_database != null ? 1 : 0

  name   = "read-master-secret"
  role   = aws_iam_role.execution["dbadmin"].id
  policy = data.aws_iam_policy_document.dbadmin_execution_secret.json
}

resource "aws_ecs_cluster" "admin" {
  name = "${var.name}-admin"

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "dbadmin" {
  name              = "/adhoc/${var.name}/dbadmin"
  retention_in_days = var.log_retention_days

  tags = local.tags
}

resource "aws_ecs_task_definition" "dbadmin" {
  family                   = "${var.name}-dbadmin"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution["dbadmin"].arn

  container_definitions = jsonencode([{
    name      = "psql"
    image     = var.dbadmin_image
    essential = true
    command   = ["psql", "--version"]
    environment = [
      { name = "PGHOST", value = local.database.host },
      { name = "PGPORT", value = tostring(local.database.port) },
      { name = "PGUSER", value = var.db_username },
      { name = "PGDATABASE", value = "postgres" },
      { name = "PGSSLMODE", value = "require" },
    ]
    secrets = local.database.master_secret_arn == null ? [] : [
      { name = "PGPASSWORD", valueFrom = "${local.database.master_secret_arn}:password::" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.dbadmin.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "dbadmin"
      }
    }
  }])

  tags = local.tags
}
