################################################################################
# Task definitions: five services and the pre-deploy tasks migrate, collectstatic
################################################################################

resource "aws_ecs_task_definition" "this" {
  for_each = local.tasks

  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.sizes[each.key].cpu
  memory                   = local.sizes[each.key].memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = each.value.image == "backend" ? aws_iam_role.task.arn : null

  # `deploy` registers revisions between applies (same fields, new image). Reading the family's
  # latest ACTIVE revision instead of the one in the state makes an apply with the running tags
  # plan no change here, and none on the services, which then reference that same revision.
  track_latest = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([merge(
    {
      name      = each.key
      image     = local.images[each.value.image]
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this[each.key].name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = each.key
        }
      }
    },
    each.value.container,
    local.image_settings[each.value.image],
  )])

  tags = local.tags
}

################################################################################
# Services
################################################################################

resource "aws_service_discovery_service" "redis" {
  name          = "${local.name}-redis"
  force_destroy = true

  dns_config {
    namespace_id   = var.service_discovery_namespace_id
    routing_policy = "MULTIVALUE"

    dns_records {
      ttl  = 10
      type = "A"
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }

  tags = local.tags
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name                    = "${local.name}-${each.key}"
  cluster                 = aws_ecs_cluster.this.arn
  task_definition         = aws_ecs_task_definition.this[each.key].arn
  desired_count           = local.desired_counts[each.key]
  enable_execute_command  = each.value.exec
  enable_ecs_managed_tags = true
  propagate_tags          = "SERVICE"

  deployment_minimum_healthy_percent = each.value.min_healthy
  deployment_maximum_percent         = each.value.max
  health_check_grace_period_seconds  = each.value.load_balanced ? var.health_check_grace_period_seconds : null

  dynamic "capacity_provider_strategy" {
    for_each = var.services_use_cluster_default_strategy ? [] : [var.capacity_provider]

    content {
      capacity_provider = capacity_provider_strategy.value
      weight            = 1
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = local.security_groups
    assign_public_ip = var.assign_public_ip
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = each.value.load_balanced ? [aws_lb_target_group.this[each.key].arn] : []

    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = local.tasks[each.key].port
    }
  }

  dynamic "service_registries" {
    for_each = each.value.discovery ? [aws_service_discovery_service.redis.arn] : []

    content {
      registry_arn = service_registries.value
    }
  }

  # The program deploys images between applies but always passes the running tags back, so the
  # task definition is managed here. Only desired_count is left alone: `stop`/`start` scale it.
  lifecycle {
    # `stop` remembers each service's count in the tag adhoc:desired-count until `start`.
    ignore_changes = [desired_count, tags["adhoc:desired-count"], tags_all["adhoc:desired-count"]]
  }

  tags = local.tags

  depends_on = [aws_ecs_cluster_capacity_providers.this, aws_lb_listener_rule.backend, aws_lb_listener_rule.frontend]
}
