data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# The environment's own database credentials (login role `<env>`, owner of database `<env>` only),
# created by the program's `create` before terraform applies. Containers never see the master
# secret. Listed rather than read, so that `plan` of an environment not created yet still plans:
# until the secret exists, its name-only ARN stands in for the full one (which ends in "-" and six
# random characters, the only way to tell `<name>` from `<name>-other` in a prefix match).
data "aws_secretsmanager_secrets" "database" {
  filter {
    name   = "name"
    values = [local.database_secret_name]
  }
}

locals {
  database_secret_name = coalesce(var.database_secret_name, "${var.name_prefix}/${var.environment}/database")
  database_secret_found = [
    for arn in data.aws_secretsmanager_secrets.database.arns : arn
    if endswith(replace(arn, "/-[A-Za-z0-9]{6}$/", ""), ":secret:${local.database_secret_name}")
  ]
  database_secret_arn = length(local.database_secret_found) > 0 ? local.database_secret_found[0] : join(":", [
    "arn:${data.aws_partition.current.partition}:secretsmanager:${data.aws_region.current.name}",
    "${data.aws_caller_identity.current.account_id}:secret:${local.database_secret_name}",
  ])
}

locals {
  env = var.environment
  # Every AWS name of the environment starts with this, so IAM policies can name exactly the
  # previews' resources: cluster `<prefix>-<env>`, services `<prefix>-<env>-<role>`, ...
  name = "${var.name_prefix}-${var.environment}"
  host = "${var.environment}.${var.domain}"
  url  = "https://${local.host}"

  tags = merge(var.tags, { "adhoc:environment" = var.environment })

  # A tag gives repo:tag, a digest repo@sha256:...; the manifest's `images` lists the repositories.
  backend_image  = startswith(var.backend_image_tag, "sha256:") ? "${var.backend_image_repository}@${var.backend_image_tag}" : "${var.backend_image_repository}:${var.backend_image_tag}"
  frontend_image = startswith(var.frontend_image_tag, "sha256:") ? "${var.frontend_image_repository}@${var.frontend_image_tag}" : "${var.frontend_image_repository}:${var.frontend_image_tag}"

  redis_host = "${local.name}-redis.${var.service_discovery_namespace_name}"
  redis_url  = "redis://${local.redis_host}:6379/0"

  bucket_name = "${local.name}-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}"

  # 1.5 vCPU and 3.5 GB in all while running: about $0.55 a day on Fargate Spot in us-east-1
  # (the README's "What it costs"). The worker is I/O-bound in a preview; it keeps the memory.
  default_sizes = {
    web           = { cpu = 512, memory = 1024 }
    worker        = { cpu = 256, memory = 1024 }
    beat          = { cpu = 256, memory = 512 }
    frontend      = { cpu = 256, memory = 512 }
    redis         = { cpu = 256, memory = 512 }
    migrate       = { cpu = 512, memory = 1024 }
    collectstatic = { cpu = 256, memory = 512 }
  }
  sizes = merge(local.default_sizes, var.sizes)

  desired_counts = merge({ web = 1, worker = 1, beat = 1, frontend = 1, redis = 1 }, var.desired_counts)

  # Settings every backend container (services and one-off tasks) gets. extra_environment wins.
  backend_environment = merge({
    ENVIRONMENT             = var.environment
    DJANGO_ALLOWED_HOSTS    = local.host
    CSRF_TRUSTED_ORIGINS    = local.url
    SITE_URL                = local.url
    REDIS_URL               = local.redis_url
    CELERY_BROKER_URL       = local.redis_url
    DATABASE_HOST           = var.database_host
    DATABASE_PORT           = tostring(var.database_port)
    DATABASE_NAME           = var.environment
    DATABASE_USER           = var.environment
    AWS_STORAGE_BUCKET_NAME = local.bucket_name
    AWS_S3_REGION_NAME      = data.aws_region.current.name
  }, var.extra_environment)

  backend_secrets = merge({
    DATABASE_PASSWORD = "${local.database_secret_arn}:password::"
  }, var.secrets)

  # Every task definition of the environment. `image` is the role in the manifest's `images`;
  # `container` holds the container-definition fields specific to the process.
  tasks = {
    web = {
      image     = "backend"
      port      = var.backend_port
      container = { command = var.commands.web, portMappings = [{ containerPort = var.backend_port, protocol = "tcp" }] }
    }
    worker        = { image = "backend", port = null, container = { command = var.commands.worker } }
    beat          = { image = "backend", port = null, container = { command = var.commands.beat } }
    migrate       = { image = "backend", port = null, container = { command = var.commands.migrate } }
    collectstatic = { image = "backend", port = null, container = { command = var.commands.collectstatic } }
    frontend = {
      image     = "frontend"
      port      = var.frontend_port
      container = { portMappings = [{ containerPort = var.frontend_port, protocol = "tcp" }] }
    }
    redis = {
      image     = "redis"
      port      = 6379
      container = { command = ["redis-server", "--save", "", "--appendonly", "no"], portMappings = [{ containerPort = 6379, protocol = "tcp" }] }
    }
  }

  # Container-definition fields per image role.
  image_settings = {
    backend = {
      environment     = [for k, v in local.backend_environment : { name = k, value = v }]
      secrets         = [for k, v in local.backend_secrets : { name = k, valueFrom = v }]
      linuxParameters = { initProcessEnabled = true } # ECS Exec
      stopTimeout     = 30
    }
    frontend = {}
    redis    = {}
  }

  images = {
    backend  = local.backend_image
    frontend = local.frontend_image
    redis    = var.redis_image
  }

  # Long-running services. Single-instance processes (beat, redis) stop the old task before
  # starting the new one so two schedulers or two brokers never run side by side.
  services = {
    web      = { exec = true, load_balanced = true, discovery = false, min_healthy = 100, max = 200 }
    worker   = { exec = true, load_balanced = false, discovery = false, min_healthy = 100, max = 200 }
    beat     = { exec = false, load_balanced = false, discovery = false, min_healthy = 0, max = 100 }
    frontend = { exec = false, load_balanced = true, discovery = false, min_healthy = 100, max = 200 }
    redis    = { exec = false, load_balanced = false, discovery = true, min_healthy = 0, max = 100 }
  }

  pre_deploy_tasks = ["migrate", "collectstatic"]
}

################################################################################
# Cluster
################################################################################

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "disabled"
  }

  tags = local.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = local.tasks

  name              = "/${var.name_prefix}/${local.env}/${each.key}"
  retention_in_days = var.log_retention_days

  tags = local.tags
}

################################################################################
# Task role: what the application itself may do (S3 bucket, ECS Exec)
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

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  description        = "Application role of ad hoc environment ${local.env}"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  # The shared stack's boundary caps whatever this role is ever given; the workflow's policy
  # lets it create task roles only with this boundary.
  permissions_boundary = var.task_role_permissions_boundary

  tags = local.tags
}

data "aws_iam_policy_document" "task" {
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

  statement {
    sid       = "BucketList"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.this.arn]
  }

  statement {
    sid       = "BucketObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectAcl", "s3:PutObjectAcl"]
    resources = ["${aws_s3_bucket.this.arn}/*"]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "application"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}
