output "name" {
  description = "Name of the shared stack."
  value       = var.name
}

output "name_prefix" {
  description = "Prefix of every per-environment AWS name; pass it to modules/environment."
  value       = var.name_prefix
}

output "region" {
  description = "Region of the shared stack."
  value       = data.aws_region.current.name
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (ALB, bastion, NAT)."
  value       = [for s in aws_subnet.public : s.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (RDS; ECS tasks when there is a NAT gateway)."
  value       = [for s in aws_subnet.private : s.id]
}

output "task_subnet_ids" {
  description = "Subnets environments' tasks run in: the private subnets behind the NAT gateway, or the public subnets when `create_nat_gateway = false`."
  value       = local.task_subnet_ids
}

output "task_assign_public_ip" {
  description = "Whether tasks need a public IP (true when `create_nat_gateway = false`); the environment manifest's `network.assignPublicIp`."
  value       = local.task_assign_public_ip
}

output "s3_endpoint_id" {
  description = "ID of the S3 gateway endpoint (image layers and buckets without the NAT gateway)."
  value       = aws_vpc_endpoint.s3.id
}

output "alb_security_group_id" {
  description = "ID of the first ALB's security group (see `load_balancers` for every ALB)."
  value       = local.load_balancers[0].security_group_id
}

output "database_clients_security_group_id" {
  description = "ID of the group (no ingress) every environment's tasks carry next to their own so the RDS group admits them on 5432."
  value       = aws_security_group.db_clients.id
}

output "rds_security_group_id" {
  description = "ID of the RDS security group."
  value       = aws_security_group.rds.id
}

output "load_balancers" {
  description = "The ALBs environments are placed on, by name (the first is `name`, then `<name>-2`, ...): `arn`, `listener_arn` (HTTPS), `dns_name` and `zone_id` (alias target of environment records), `security_group_id`."
  value       = { for lb in local.load_balancers : lb.name => lb }
}

output "load_balancer_names" {
  description = "Names of the ALBs in placement order; the first is where an environment goes when none is named."
  value       = [for lb in local.load_balancers : lb.name]
}

output "alb_arn" {
  description = "ARN of the first ALB."
  value       = local.load_balancers[0].arn
}

output "alb_listener_arn" {
  description = "ARN of the first ALB's HTTPS listener."
  value       = local.load_balancers[0].listener_arn
}

output "alb_dns_name" {
  description = "DNS name of the first ALB."
  value       = local.load_balancers[0].dns_name
}

output "alb_zone_id" {
  description = "Canonical hosted zone ID of the first ALB."
  value       = local.load_balancers[0].zone_id
}

output "route53_zone_id" {
  description = "ID of the hosted zone environments create their records in."
  value       = local.route53_zone_id
}

output "domain" {
  description = "Domain environments live under (`<env>.<domain>`)."
  value       = var.domain
}

output "service_discovery_namespace_id" {
  description = "ID of the Cloud Map private DNS namespace."
  value       = aws_service_discovery_private_dns_namespace.this.id
}

output "service_discovery_namespace_name" {
  description = "Name of the Cloud Map private DNS namespace."
  value       = aws_service_discovery_private_dns_namespace.this.name
}

output "execution_role_arn" {
  description = "ARN of the ECS task-execution role."
  value       = aws_iam_role.execution["environments"].arn
}

output "rds_endpoint" {
  description = "Host name of the shared postgres instance."
  value       = local.database.host
}

output "rds_port" {
  description = "Port of the shared postgres instance."
  value       = local.database.port
}

output "rds_username" {
  description = "Master user name of the shared postgres instance."
  value       = var.db_username
}

output "database_master_secret_arn" {
  description = "ARN of the Secrets Manager secret (JSON with `username` and `password`) RDS manages for the master user."
  value       = local.database.master_secret_arn
}

output "bastion_public_ip" {
  description = "Public IP of the bastion, or null."
  value       = one(aws_eip.bastion[*].public_ip)
}

output "bastion_instance_id" {
  description = "Instance ID of the bastion (for Session Manager), or null."
  value       = one(aws_instance.bastion[*].id)
}

output "admin_cluster" {
  description = "Name of the ECS cluster running database administration tasks."
  value       = aws_ecs_cluster.admin.name
}

output "dbadmin_task_definition" {
  description = "Family of the database administration task definition."
  value       = aws_ecs_task_definition.dbadmin.family
}

output "manifest_prefix" {
  description = "SSM prefix of the manifests."
  value       = var.manifest_prefix
}

output "shared_manifest" {
  description = "The shared manifest (JSON string) also written to SSM `<manifest_prefix>/_shared`."
  value       = jsonencode(local.shared_manifest)
}

output "task_role_permissions_boundary_arn" {
  description = "ARN of the permissions boundary every environment's task role must carry (modules/environment `task_role_permissions_boundary`)."
  value       = aws_iam_policy.task_boundary.arn
}

output "workflow_policy_json" {
  description = "The least-privilege policy of the role the workflow assumes, rendered from this stack's ARNs (examples/iam/policy.json is a rendered example)."
  value       = data.aws_iam_policy_document.workflow.json
}

output "workflow_policy_parts_json" {
  description = "The same statements split into `workflow_policy_parts` documents, each small enough for a managed policy (what the OIDC role gets attached)."
  value       = local.workflow_policy_parts
}

output "workflow_role_arn" {
  description = "ARN of the GitHub OIDC role (`role-to-assume`), or null when create_github_oidc_role = false."
  value       = one(aws_iam_role.workflow[*].arn)
}
