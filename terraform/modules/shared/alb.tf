################################################################################
# Load balancer shared by every environment
################################################################################

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb.id]
  subnets                    = [for s in aws_subnet.public : s.id]
  drop_invalid_header_fields = true

  tags = local.tags
}

# Environments add host-based rules to this listener; anything unmatched gets a 404.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
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
  load_balancer_arn = aws_lb.this.arn
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
