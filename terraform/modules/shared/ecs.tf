data "aws_partition" "current" {}

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

resource "aws_iam_role" "execution" {
  name               = "${var.name}-ecs-execution"
  description        = "Pulls images, writes logs and reads secrets for ad hoc ECS tasks"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

locals {
  secret_arns         = distinct(concat([local.database.master_secret_arn], var.secret_arns))
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
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

################################################################################
# Database administration task: creates and drops per-environment databases
################################################################################

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
  execution_role_arn       = aws_iam_role.execution.arn

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
