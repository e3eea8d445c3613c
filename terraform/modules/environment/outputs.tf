output "url" {
  description = "URL of the environment (`https://<environment>.<domain>`)."
  value       = local.url
}

output "cluster" {
  description = "Name of the environment's ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "services" {
  description = "Names of the ECS services, in manifest order."
  value       = local.manifest.services
}

output "task_definitions" {
  description = "Task definition ARNs by process (web, worker, beat, frontend, redis, migrate, collectstatic)."
  value       = { for k, v in aws_ecs_task_definition.this : k => v.arn }
}

output "bucket" {
  description = "Name of the static/media S3 bucket."
  value       = aws_s3_bucket.this.bucket
}

output "redis_url" {
  description = "URL the backend reaches redis at."
  value       = local.redis_url
}

output "manifest_parameter" {
  description = "Name of the SSM parameter holding the manifest."
  value       = aws_ssm_parameter.manifest.name
}

output "manifest" {
  description = "The environment manifest (JSON string), also written to SSM `<manifest_prefix>/<environment>`."
  value       = jsonencode(local.manifest)
}
