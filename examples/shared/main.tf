locals {
  zone_id = var.route53_zone_id != null ? var.route53_zone_id : (var.create_route53_zone ? null : one(data.aws_route53_zone.this[*].zone_id))
}

data "aws_route53_zone" "this" {
  count = var.route53_zone_id == null && !var.create_route53_zone ? 1 : 0

  name         = var.domain
  private_zone = false
}

resource "aws_route53_zone" "this" {
  count = var.route53_zone_id == null && var.create_route53_zone ? 1 : 0

  name = var.domain
}

locals {
  route53_zone_id = coalesce(local.zone_id, one(aws_route53_zone.this[*].zone_id))
}

# Wildcard certificate for every environment, unless one is given.
resource "aws_acm_certificate" "wildcard" {
  count = var.certificate_arn == null ? 1 : 0

  domain_name       = "*.${var.domain}"
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "certificate_validation" {
  for_each = var.certificate_arn == null ? {
    for o in aws_acm_certificate.wildcard[0].domain_validation_options : o.domain_name => o
  } : {}

  zone_id         = local.route53_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "wildcard" {
  count = var.certificate_arn == null ? 1 : 0

  certificate_arn         = aws_acm_certificate.wildcard[0].arn
  validation_record_fqdns = [for r in aws_route53_record.certificate_validation : r.fqdn]
}

module "shared" {
  source = "../../terraform/modules/shared"

  name            = var.name
  name_prefix     = var.name_prefix
  domain          = var.domain
  route53_zone_id = local.route53_zone_id
  certificate_arn = var.certificate_arn != null ? var.certificate_arn : aws_acm_certificate_validation.wildcard[0].certificate_arn
  manifest_prefix = var.manifest_prefix

  load_balancer_count = var.load_balancer_count

  create_bastion        = var.create_bastion
  bastion_key_name      = var.bastion_key_name
  bastion_allowed_cidrs = var.bastion_allowed_cidrs
  secret_arns           = var.secret_arns

  terraform_state          = { bucket = var.state_bucket }
  create_github_oidc_role  = var.create_github_oidc_role
  github_repository        = var.github_repository
  github_subjects          = var.github_subjects
  github_oidc_provider_arn = var.github_oidc_provider_arn

  db_deletion_protection = var.db_deletion_protection
  db_skip_final_snapshot = var.db_skip_final_snapshot

  create_nat_gateway = var.create_nat_gateway
  create_rds         = var.create_rds
  fake_database      = var.fake_database

  tags = var.tags
}
