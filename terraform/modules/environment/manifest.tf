################################################################################
# The manifest: the contract with the program (see DESIGN.md)
################################################################################

locals {
  manifest = {
    version        = 1
    environment    = local.env
    url            = local.url
    region         = data.aws_region.current.name
    cluster        = aws_ecs_cluster.this.name
    services       = [for k in ["web", "worker", "beat", "frontend", "redis"] : aws_ecs_service.this[k].name]
    preDeployTasks = [for k in local.pre_deploy_tasks : aws_ecs_task_definition.this[k].family]
    network = {
      subnets        = var.subnet_ids
      securityGroups = local.security_groups
      assignPublicIp = var.assign_public_ip ? "ENABLED" : "DISABLED"
    }
    images = {
      backend  = var.backend_image_repository
      frontend = var.frontend_image_repository
    }
    exec = {
      service   = aws_ecs_service.this["web"].name
      container = "web"
    }
    listenerRulePriority = var.listener_rule_priority
    loadBalancer         = var.load_balancer_name
  }
}

resource "aws_ssm_parameter" "manifest" {
  name        = "${var.manifest_prefix}/${local.env}"
  description = "Manifest of ad hoc environment ${local.env} (read by the adhoc-action program)"
  type        = "String"
  tier        = "Standard"
  value       = jsonencode(local.manifest)

  tags = local.tags
}
