################################################################################
# Target groups and rules on the shared HTTPS listener
################################################################################

locals {
  load_balanced = { for k, v in local.services : k => local.tasks[k].port if v.load_balanced }
  # Target-group names hold at most 32 characters: short role suffixes.
  target_group_suffixes = { web = "web", frontend = "fe" }
}

resource "aws_lb_target_group" "this" {
  for_each = local.load_balanced

  name        = "${local.name}-${local.target_group_suffixes[each.key]}"
  port        = each.value
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  # Fast rollouts and fast failures; the arithmetic is in the README ("Health checks").
  deregistration_delay = 5

  health_check {
    path                = var.health_check_paths[each.key]
    matcher             = "200"
    interval            = 5
    timeout             = 3
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  lifecycle {
    precondition {
      condition     = length(local.name) <= 29
      error_message = "name_prefix and environment together are too long for a target group name (32 characters): \"${local.name}-web\"; shorten the prefix or the environment name."
    }
  }

  tags = local.tags
}

locals {
  # At most 5 condition values per rule: one host, the paths, the source CIDR blocks.
  source_cidrs = var.public ? [] : var.allowed_cidrs
}

# Priority P: backend paths. It must be evaluated before the catch-all at P+1.
resource "aws_lb_listener_rule" "backend" {
  listener_arn = var.alb_listener_arn
  priority     = var.listener_rule_priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["web"].arn
  }

  condition {
    host_header {
      values = [local.host]
    }
  }

  condition {
    path_pattern {
      values = var.backend_paths
    }
  }

  dynamic "condition" {
    for_each = length(local.source_cidrs) > 0 ? [local.source_cidrs] : []

    content {
      source_ip {
        values = condition.value
      }
    }
  }

  lifecycle {
    precondition {
      condition     = var.public || (length(var.allowed_cidrs) > 0 && length(var.allowed_cidrs) + length(var.backend_paths) <= 4)
      error_message = "public = false needs allowed_cidrs, and an ALB rule holds at most 5 values: 1 host + backend_paths + allowed_cidrs."
    }
  }

  tags = local.tags
}

# Priority P+1: everything else on the host goes to the frontend.
resource "aws_lb_listener_rule" "frontend" {
  listener_arn = var.alb_listener_arn
  priority     = var.listener_rule_priority + 1

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["frontend"].arn
  }

  condition {
    host_header {
      values = [local.host]
    }
  }

  dynamic "condition" {
    for_each = length(local.source_cidrs) > 0 ? [local.source_cidrs] : []

    content {
      source_ip {
        values = condition.value
      }
    }
  }

  tags = local.tags
}

resource "aws_route53_record" "this" {
  count = var.create_route53_record ? 1 : 0

  zone_id = var.route53_zone_id
  name    = local.host
  type    = "A"

  alias {
    name                   = var.alb_dns_name
    zone_id                = var.alb_zone_id
    evaluate_target_health = false
  }
}
