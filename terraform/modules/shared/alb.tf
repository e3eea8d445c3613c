################################################################################
# Load balancers environments are placed on
################################################################################

locals {
  # Keyed "1".."N" so adding one ALB adds resources under a new key and changes nothing under the
  # others. The first keeps the stack's name (what a stack with a single ALB had); the others are
  # `<name>-<key>`. Ordered by key, as the shared manifest lists them.
  load_balancer_keys = [for i in range(1, var.load_balancer_count + 1) : tostring(i)]
  load_balancer_names = {
    for k in local.load_balancer_keys : k => k == "1" ? var.name : "${var.name}-${k}"
  }
  load_balancer_ports = { http = 80, https = 443 }
}

# One group per ALB: an environment's own group admits only the ALB it is placed on.
resource "aws_security_group" "alb" {
  for_each = local.load_balancer_names

  name = "${each.value}-alb"
  # Unchanged from the single-ALB module: a new description would replace the first ALB's group.
  description = "Shared ad hoc ALB: HTTP and HTTPS from anywhere"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${each.value}-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb" {
  for_each = {
    for pair in setproduct(local.load_balancer_keys, keys(local.load_balancer_ports)) :
    "${pair[0]}-${pair[1]}" => { load_balancer = pair[0], protocol = pair[1] }
  }

  security_group_id = aws_security_group.alb[each.value.load_balancer].id
  description       = upper(each.value.protocol)
  ip_protocol       = "tcp"
  from_port         = local.load_balancer_ports[each.value.protocol]
  to_port           = local.load_balancer_ports[each.value.protocol]
  cidr_ipv4         = "0.0.0.0/0"
}

# Targets are the environments' tasks; each environment's own security group decides which
# ports it accepts from its ALB's group, so the ALB may send to the VPC.
resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  for_each = local.load_balancer_names

  security_group_id = aws_security_group.alb[each.key].id
  description       = "To ECS tasks (each environment's group admits only its container ports)"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = aws_vpc.this.cidr_block
}

resource "aws_lb" "this" {
  for_each = local.load_balancer_names

  name                       = each.value
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb[each.key].id]
  subnets                    = [for s in aws_subnet.public : s.id]
  drop_invalid_header_fields = true

  tags = local.tags
}

# Environments add host-based rules to these listeners; anything unmatched gets a 404. One
# wildcard certificate serves every ALB.
resource "aws_lb_listener" "https" {
  for_each = local.load_balancer_names

  load_balancer_arn = aws_lb.this[each.key].arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "No ad hoc environment here"
      status_code  = "404"
    }
  }

  tags = local.tags
}

resource "aws_lb_listener" "http" {
  for_each = local.load_balancer_names

  load_balancer_arn = aws_lb.this[each.key].arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  tags = local.tags
}

locals {
  # What environments need of each ALB, in key order (the first is the default placement).
  load_balancers = [for k in local.load_balancer_keys : {
    name              = local.load_balancer_names[k]
    arn               = aws_lb.this[k].arn
    listener_arn      = aws_lb_listener.https[k].arn
    dns_name          = aws_lb.this[k].dns_name
    zone_id           = aws_lb.this[k].zone_id
    security_group_id = aws_security_group.alb[k].id
  }]
}

# A stack from before there were several ALBs keeps its one ALB, listeners and group as the first.
moved {
  from = aws_lb.this
  to   = aws_lb.this["1"]
}

moved {
  from = aws_lb_listener.https
  to   = aws_lb_listener.https["1"]
}

moved {
  from = aws_lb_listener.http
  to   = aws_lb_listener.http["1"]
}

moved {
  from = aws_security_group.alb
  to   = aws_security_group.alb["1"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.alb["http"]
  to   = aws_vpc_security_group_ingress_rule.alb["1-http"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.alb["https"]
  to   = aws_vpc_security_group_ingress_rule.alb["1-https"]
}

moved {
  from = aws_vpc_security_group_egress_rule.alb_to_tasks
  to   = aws_vpc_security_group_egress_rule.alb_to_tasks["1"]
}

################################################################################
# DNS
################################################################################

data "aws_route53_zone" "this" {
  count = var.route53_zone_id == null && !var.create_route53_zone ? 1 : 0

  name         = var.domain
  private_zone = false
}

resource "aws_route53_zone" "this" {
  count = var.route53_zone_id == null && var.create_route53_zone ? 1 : 0

  name = var.domain

  tags = local.tags
}

locals {
  route53_zone_id = coalesce(var.route53_zone_id, one(aws_route53_zone.this[*].zone_id), one(data.aws_route53_zone.this[*].zone_id))
}

# Private namespace in which environments register services (e.g. `<env>-redis.<name>.internal`).
resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "${var.name}.internal"
  description = "Service discovery for ad hoc environments"
  vpc         = aws_vpc.this.id

  tags = local.tags
}
