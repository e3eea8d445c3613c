################################################################################
# Shared manifest: what the program needs to know about this stack
################################################################################

locals {
  shared_manifest = {
    version     = 1
    name        = var.name
    namePrefix  = var.name_prefix
    region      = data.aws_region.current.name
    domain      = var.domain
    listenerArn = local.load_balancers[0].listener_arn
    loadBalancers = [for lb in local.load_balancers : {
      name        = lb.name
      arn         = lb.arn
      listenerArn = lb.listener_arn
      dnsName     = lb.dns_name
      zoneId      = lb.zone_id
    }]
    database = {
      host            = local.database.host
      port            = local.database.port
      username        = var.db_username
      masterSecretArn = local.database.master_secret_arn
    }
    bastion = var.create_bastion ? {
      host = aws_eip.bastion[0].public_ip
      user = "ec2-user"
    } : null
    dbAdmin = {
      cluster        = aws_ecs_cluster.admin.name
      taskDefinition = aws_ecs_task_definition.dbadmin.family
      container      = "psql"
      network = {
        subnets        = local.task_subnet_ids
        securityGroups = [aws_security_group.db_clients.id]
        assignPublicIp = local.task_assign_public_ip ? "ENABLED" : "DISABLED"
      }
    }
  }
}

resource "aws_ssm_parameter" "shared_manifest" {
  name        = "${var.manifest_prefix}/_shared"
  description = "Shared ad hoc stack ${var.name} (read by the adhoc-action program)"
  type        = "String"
  tier        = "Standard"
  value       = jsonencode(local.shared_manifest)

  tags = local.tags

  lifecycle {
    precondition {
      condition     = var.create_rds || var.fake_database != null
      error_message = "create_rds = false needs fake_database (the endpoint to publish instead)."
    }
  }
}
