output "url" {
  description = "URL of the environment."
  value       = module.environment.url
}

output "cluster" {
  description = "ECS cluster of the environment."
  value       = module.environment.cluster
}

output "manifest" {
  description = "The environment manifest (JSON string)."
  value       = module.environment.manifest
}

output "load_balancer" {
  description = "Name of the ALB the environment is placed on."
  value       = local.load_balancer
}
