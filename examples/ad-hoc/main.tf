data "terraform_remote_state" "shared" {
  backend = "s3"

  config = {
    bucket                      = var.state_bucket
    key                         = var.shared_state_key
    region                      = var.region
    use_path_style              = var.local_emulator
    skip_credentials_validation = var.local_emulator
    skip_requesting_account_id  = var.local_emulator
    skip_metadata_api_check     = var.local_emulator
    skip_region_validation      = var.local_emulator
  }
}

data "aws_caller_identity" "current" {}

locals {
  shared       = data.terraform_remote_state.shared.outputs
  ecr_registry = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com"

  # The ALBs by name; a shared stack applied before it had several publishes its one ALB as alb_*.
  load_balancers = try(local.shared.load_balancers, {
    (jsondecode(local.shared.shared_manifest).name) = {
      listener_arn      = local.shared.alb_listener_arn
      dns_name          = local.shared.alb_dns_name
      zone_id           = local.shared.alb_zone_id
      security_group_id = local.shared.alb_security_group_id
    }
  })
  load_balancer_names = try(local.shared.load_balancer_names, keys(local.load_balancers))
  # Where the program placed the environment (validated in variables.tf); null: the first ALB.
  load_balancer = coalesce(var.load_balancer, local.load_balancer_names[0])
  placement     = local.load_balancers[local.load_balancer]
}

module "environment" {
  source = "../../terraform/modules/environment"

  name_prefix               = local.shared.name_prefix
  environment               = var.environment
  backend_image_repository  = coalesce(var.backend_image_repository, "${local.ecr_registry}/backend")
  frontend_image_repository = coalesce(var.frontend_image_repository, "${local.ecr_registry}/frontend")
  backend_image_tag         = var.backend_image_tag
  frontend_image_tag        = var.frontend_image_tag
  listener_rule_priority    = var.listener_rule_priority

  domain                             = local.shared.domain
  vpc_id                             = local.shared.vpc_id
  subnet_ids                         = try(local.shared.task_subnet_ids, local.shared.private_subnet_ids)
  assign_public_ip                   = try(local.shared.task_assign_public_ip, false)
  database_clients_security_group_id = local.shared.database_clients_security_group_id
  load_balancer_name                 = local.load_balancer
  alb_security_group_id              = local.placement.security_group_id
  alb_listener_arn                   = local.placement.listener_arn
  alb_dns_name                       = local.placement.dns_name
  alb_zone_id                        = local.placement.zone_id
  route53_zone_id                    = local.shared.route53_zone_id
  service_discovery_namespace_id     = local.shared.service_discovery_namespace_id
  service_discovery_namespace_name   = local.shared.service_discovery_namespace_name
  execution_role_arn                 = local.shared.execution_role_arn
  task_role_permissions_boundary     = local.shared.task_role_permissions_boundary_arn
  database_host                      = local.shared.rds_endpoint
  database_port                      = local.shared.rds_port

  public             = var.public
  allowed_cidrs      = var.allowed_cidrs
  extra_environment  = var.extra_environment
  secrets            = var.secrets
  sizes              = var.sizes
  desired_counts     = var.desired_counts
  manifest_prefix    = var.manifest_prefix
  log_retention_days = var.log_retention_days
  tags               = var.tags

  # Emulator gaps (see the module README).
  services_use_cluster_default_strategy = var.local_emulator
}
