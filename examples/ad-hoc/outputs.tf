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
