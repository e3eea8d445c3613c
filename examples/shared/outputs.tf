# Everything examples/ad-hoc reads through terraform_remote_state.

output "name_prefix" {
  description = "Prefix of every per-environment AWS name."
  value       = module.shared.name_prefix
}

output "region" {
  description = "Region of the shared stack."
  value       = module.shared.region
}

output "domain" {
  description = "Domain environments live under."
  value       = module.shared.domain
}

output "vpc_id" {
  description = "VPC ID."
  value       = module.shared.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets of ECS tasks."
  value       = module.shared.private_subnet_ids
}

output "task_subnet_ids" {
  description = "Subnets of ECS tasks (private behind the NAT gateway, public without one)."
  value       = module.shared.task_subnet_ids
}

output "task_assign_public_ip" {
  description = "Whether ECS tasks need a public IP (no NAT gateway)."
  value       = module.shared.task_assign_public_ip
}

output "load_balancers" {
  description = "The ALBs environments are placed on, by name: listener_arn, dns_name, zone_id, security_group_id, arn."
  value       = module.shared.load_balancers
}

output "load_balancer_names" {
  description = "Names of the ALBs in placement order (the first is the default)."
  value       = module.shared.load_balancer_names
}

output "alb_security_group_id" {
  description = "Security group of the first ALB."
  value       = module.shared.alb_security_group_id
}

output "database_clients_security_group_id" {
  description = "Security group environments' tasks carry to reach postgres."
  value       = module.shared.database_clients_security_group_id
}

output "alb_listener_arn" {
  description = "HTTPS listener of the first ALB."
  value       = module.shared.alb_listener_arn
}

output "alb_dns_name" {
  description = "DNS name of the first ALB."
  value       = module.shared.alb_dns_name
}

output "alb_zone_id" {
  description = "Hosted zone ID of the first ALB."
  value       = module.shared.alb_zone_id
}

output "route53_zone_id" {
  description = "Hosted zone of the domain."
  value       = module.shared.route53_zone_id
}

output "service_discovery_namespace_id" {
  description = "Cloud Map namespace ID."
  value       = module.shared.service_discovery_namespace_id
}

output "service_discovery_namespace_name" {
  description = "Cloud Map namespace name."
  value       = module.shared.service_discovery_namespace_name
}

output "execution_role_arn" {
  description = "ECS task-execution role."
  value       = module.shared.execution_role_arn
}

output "rds_endpoint" {
  description = "Postgres host."
  value       = module.shared.rds_endpoint
}

output "rds_port" {
  description = "Postgres port."
  value       = module.shared.rds_port
}

output "rds_username" {
  description = "Postgres master user."
  value       = module.shared.rds_username
}

output "database_master_secret_arn" {
  description = "Secrets Manager secret of the postgres master user."
  value       = module.shared.database_master_secret_arn
}

output "bastion_public_ip" {
  description = "Public IP of the bastion, or null."
  value       = module.shared.bastion_public_ip
}

output "shared_manifest" {
  description = "The shared manifest (also in SSM `<manifest_prefix>/_shared`)."
  value       = module.shared.shared_manifest
}

output "task_role_permissions_boundary_arn" {
  description = "Permissions boundary every environment's task role carries."
  value       = module.shared.task_role_permissions_boundary_arn
}

output "workflow_policy_json" {
  description = "Least-privilege policy of the workflow's role (examples/iam/policy.json is a rendered example)."
  value       = module.shared.workflow_policy_json
}

output "workflow_policy_parts_json" {
  description = "The workflow policy split into documents that each fit a managed policy."
  value       = module.shared.workflow_policy_parts_json
}

output "workflow_role_arn" {
  description = "ARN of the GitHub OIDC role for `role-to-assume`, or null."
  value       = module.shared.workflow_role_arn
}
