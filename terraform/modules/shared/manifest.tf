################################################################################
# Shared manifest: what the program needs to know about this stack
################################################################################

locals {
  # RDS's default max_connections is LEAST({DBInstanceClassMemory/9531392}, 5000); memory of
  # db.<family>.<size> in GiB: 1 per size step for burstable and general purpose classes,
  # twice that for memory-optimised r classes, four times for x classes.
  db_class      = try(regex("^db\\.([a-z0-9-]+)\\.([a-z0-9]+)$", var.db_instance_class), ["unknown", "unknown"])
  db_size_gib   = { micro = 1, small = 2, medium = 4, large = 8, xlarge = 16, "2xlarge" = 32, "4xlarge" = 64, "8xlarge" = 128, "12xlarge" = 192, "16xlarge" = 256, "24xlarge" = 384 }
  db_memory_gib = try(local.db_size_gib[local.db_class[1]] * (startswith(local.db_class[0], "x") ? 4 : startswith(local.db_class[0], "r") ? 2 : 1), null)
  db_max_connections = var.db_max_connections != null ? var.db_max_connections : (
    local.db_memory_gib == null ? null : min(floor(local.db_memory_gib * 1073741824 / 9531392), 5000)
  )

  # Names of this stack that an environment's derived names could take: `<prefix>-<env>`,
  # `<prefix>-<env>-<role>`, `-tasks`, `-task`, ... The program refuses these environment names.
  shared_names = concat([
    aws_ecs_cluster.admin.name, aws_ecs_task_definition.dbadmin.family, aws_iam_role.execution["environments"].name,
    aws_iam_role.execution["dbadmin"].name, aws_security_group.db_clients.name,
    aws_security_group.rds.name, "${var.name}-bastion", "${var.name}-github-workflow",
    "${var.name_prefix}-task-boundary",
  ], [for lb in local.load_balancers : lb.name], [for g in aws_security_group.alb : g.name])
  environment_name_suffixes = ["", "-web", "-worker", "-beat", "-frontend", "-redis", "-migrate", "-collectstatic", "-fe", "-tasks", "-task"]
  reserved_environment_names = sort(distinct(concat([var.db_username], [
    for pair in setproduct(local.shared_names, local.environment_name_suffixes) :
    trimsuffix(trimprefix(pair[0], "${var.name_prefix}-"), pair[1])
    if startswith(pair[0], "${var.name_prefix}-") && endswith(pair[0], pair[1]) &&
    can(regex("^[a-z][a-z0-9-]*[a-z0-9]$", trimsuffix(trimprefix(pair[0], "${var.name_prefix}-"), pair[1])))
  ])))

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
      connectionLimit = var.db_connection_limit_per_environment
      maxConnections  = local.db_max_connections
    }
    reservedEnvironmentNames = local.reserved_environment_names
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
      condition     = local.db_max_connections != null
      error_message = "db_max_connections is needed: the module does not know the memory of ${var.db_instance_class}."
    }
    precondition {
      condition     = var.create_rds || var.fake_database != null
      error_message = "create_rds = false needs fake_database (the endpoint to publish instead)."
    }
  }
}
