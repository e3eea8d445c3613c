################################################################################
# Identity and images
################################################################################

variable "environment" {
  description = "Name of the ad hoc environment: a DNS label used in every resource name (`<prefix>-<env>-web`, `<env>.<domain>`, ...)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.environment)) && length(var.environment) <= 20 && !endswith(var.environment, "-") && !strcontains(var.environment, "--")
    error_message = "environment must match ^[a-z][a-z0-9-]*$, be at most 20 characters, not end with a hyphen and not contain \"--\"."
  }
}

variable "backend_image_repository" {
  description = "Repository of the backend image (web, worker, beat, migrate, collectstatic), without tag."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$", var.backend_image_repository)) && !can(regex("[@]", var.backend_image_repository))
    error_message = "backend_image_repository must be an image repository without tag or digest."
  }
}

variable "frontend_image_repository" {
  description = "Repository of the frontend (nginx) image, without tag."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/:-]*[a-z0-9]$", var.frontend_image_repository)) && !can(regex("[@]", var.frontend_image_repository))
    error_message = "frontend_image_repository must be an image repository without tag or digest."
  }
}

variable "backend_image_tag" {
  description = "Tag (or `sha256:<hex>` digest) of the backend image. The program passes the tag running now when no new one is given."
  type        = string

  validation {
    condition     = can(regex("^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[a-f0-9]{64})$", var.backend_image_tag))
    error_message = "backend_image_tag must be a docker tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) or a sha256:<64 hex> digest."
  }
}

variable "frontend_image_tag" {
  description = "Tag (or `sha256:<hex>` digest) of the frontend image. The program passes the tag running now when no new one is given."
  type        = string

  validation {
    condition     = can(regex("^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[a-f0-9]{64})$", var.frontend_image_tag))
    error_message = "frontend_image_tag must be a docker tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}) or a sha256:<64 hex> digest."
  }
}

variable "redis_image" {
  description = "Image of the per-environment redis (celery broker and cache)."
  type        = string
  default     = "public.ecr.aws/docker/library/redis:7-alpine"
}

################################################################################
# Shared stack (outputs of modules/shared)
################################################################################

variable "domain" {
  description = "Domain of the shared stack; the environment answers on `<environment>.<domain>`."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the shared stack."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets the tasks run in: the shared stack's `task_subnet_ids` (private subnets behind its NAT gateway, or public subnets in a stack without NAT)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0
    error_message = "subnet_ids must not be empty."
  }
}

variable "assign_public_ip" {
  description = "Give every task a public IP: the shared stack's `task_assign_public_ip`, true only for tasks in public subnets of a stack without NAT. The tasks' own security group still admits only the ALB (and redis from the environment)."
  type        = bool
  default     = false
}

variable "alb_security_group_id" {
  description = "Security group of the ALB the environment is placed on; the environment's own group admits it on the web and frontend container ports only."
  type        = string
}

variable "database_clients_security_group_id" {
  description = "The shared stack's database-clients group (no ingress), carried by every task next to the environment's own group so postgres admits it."
  type        = string
}

variable "egress_ports" {
  description = "TCP ports the environment's tasks may open to anywhere (image pulls and AWS APIs need 443). Postgres is allowed by the database-clients group, redis within the environment."
  type        = list(number)
  default     = [80, 443]

  validation {
    condition     = alltrue([for p in var.egress_ports : p >= 1 && p <= 65535 && floor(p) == p])
    error_message = "egress_ports must be TCP port numbers (1-65535)."
  }
}

variable "load_balancer_name" {
  description = "Name of the shared stack's ALB the environment is placed on (one of its `load_balancers`); recorded in the manifest as `loadBalancer` so the environment keeps its placement for life. `alb_listener_arn`, `alb_dns_name`, `alb_zone_id` and `alb_security_group_id` must be that ALB's."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,31}$", var.load_balancer_name))
    error_message = "load_balancer_name must be an ALB name (1-32 letters, digits and hyphens)."
  }
}

variable "alb_listener_arn" {
  description = "HTTPS listener of the ALB the environment is placed on; its rules are added to it."
  type        = string
}

variable "alb_dns_name" {
  description = "DNS name of the ALB the environment is placed on (alias target of `<environment>.<domain>`)."
  type        = string
}

variable "alb_zone_id" {
  description = "Canonical hosted zone ID of the ALB the environment is placed on."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone the `<environment>.<domain>` alias record is created in."
  type        = string
}

variable "create_route53_record" {
  description = "Create the alias record `<environment>.<domain>`. Only needs false where DNS is managed elsewhere."
  type        = bool
  default     = true
}

variable "service_discovery_namespace_id" {
  description = "ID of the shared Cloud Map private DNS namespace."
  type        = string
}

variable "service_discovery_namespace_name" {
  description = "Name of the shared Cloud Map private DNS namespace."
  type        = string
}

variable "execution_role_arn" {
  description = "Shared ECS task-execution role; it reads `<name_prefix>/*` secrets (the environment's database secret) and must be allowed to read every other ARN in `secrets`."
  type        = string
}

variable "task_role_permissions_boundary" {
  description = "ARN of the shared stack's permissions boundary (`<name_prefix>-task-boundary`, output `task_role_permissions_boundary_arn`) the task role carries; the workflow's policy creates task roles only with it."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$", var.task_role_permissions_boundary))
    error_message = "task_role_permissions_boundary must be an IAM policy ARN."
  }
}

variable "database_host" {
  description = "Host of the shared postgres instance."
  type        = string
}

variable "database_secret_name" {
  description = "Name of the environment's own Secrets Manager secret (JSON with `password`), which the program creates before terraform runs. Null: `<name_prefix>/<environment>/database`. Containers get its `password` as DATABASE_PASSWORD and never the master secret."
  type        = string
  default     = null
}

variable "database_port" {
  description = "Port of the shared postgres instance."
  type        = number
  default     = 5432
}

################################################################################
# Routing
################################################################################

variable "listener_rule_priority" {
  description = "Base priority P of the environment's listener rules: the backend rule (/api/*, /admin/*) gets P, the frontend catch-all P+1. The program picks a P such that P and P+1 are free on the listener."
  type        = number

  validation {
    condition     = var.listener_rule_priority >= 1 && var.listener_rule_priority <= 49990 && floor(var.listener_rule_priority) == var.listener_rule_priority
    error_message = "listener_rule_priority must be a whole number between 1 and 49990."
  }
}

variable "backend_paths" {
  description = "Path patterns routed to the web (gunicorn) service; everything else on the host goes to the frontend."
  type        = list(string)
  default     = ["/api/*", "/admin/*"]

  validation {
    condition     = length(var.backend_paths) >= 1 && length(var.backend_paths) <= 3
    error_message = "backend_paths must have 1 to 3 patterns (an ALB rule has at most 5 condition values, one is the host)."
  }
}

variable "public" {
  description = "true: anyone can reach the environment. false: only `allowed_cidrs` (listener-rule source-ip condition); others get the listener's 404."
  type        = bool
  default     = true
}

variable "allowed_cidrs" {
  description = "Source CIDR blocks allowed when `public = false`. An ALB rule holds at most 5 condition values, so with the default two backend paths at most 2 blocks fit."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.allowed_cidrs : can(cidrnetmask(c)) || can(regex(":", c))])
    error_message = "allowed_cidrs must contain CIDR blocks."
  }
}

variable "backend_port" {
  description = "Port gunicorn listens on in the web container."
  type        = number
  default     = 8000
}

variable "frontend_port" {
  description = "Port nginx listens on in the frontend container."
  type        = number
  default     = 80
}

variable "health_check_paths" {
  description = "Target-group health-check paths. The ALB sends the target's IP as Host, so the web path must be answered before Django checks ALLOWED_HOSTS (see the README's one-line middleware); nginx answers `/` for any Host."
  type = object({
    web      = optional(string, "/healthz")
    frontend = optional(string, "/")
  })
  default = {}

  validation {
    condition     = startswith(var.health_check_paths.web, "/") && startswith(var.health_check_paths.frontend, "/")
    error_message = "health_check_paths must be absolute paths."
  }
}

################################################################################
# Application
################################################################################

variable "commands" {
  description = "Container commands of the backend image's processes."
  type = object({
    web           = optional(list(string), ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-", "config.wsgi:application"])
    worker        = optional(list(string), ["celery", "-A", "config", "worker", "--loglevel", "INFO"])
    beat          = optional(list(string), ["celery", "-A", "config", "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule"])
    migrate       = optional(list(string), ["python", "manage.py", "migrate", "--no-input"])
    collectstatic = optional(list(string), ["python", "manage.py", "collectstatic", "--no-input"])
  })
  default = {}
}

variable "extra_environment" {
  description = "Additional plain (non-secret) environment variables for every backend container. They override the module's defaults of the same name."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name → Secrets Manager or SSM parameter ARN (`arn:...:secret:name:json-key::` selects a JSON key). Passed as ECS `secrets`, never as plain values."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.secrets : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", k)) && can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", v))])
    error_message = "secrets must map environment variable names to Secrets Manager or SSM parameter ARNs."
  }
}

variable "sizes" {
  description = "Fargate cpu/memory per service or task (web, worker, beat, frontend, redis, migrate, collectstatic); unspecified ones keep the defaults: web and migrate 512/1024, worker 256/1024, the others 256/512 (1.5 vCPU and 3.5 GB for the five services: about $0.55 a day on Fargate Spot in us-east-1)."
  type = map(object({
    cpu    = number
    memory = number
  }))
  default = {}

  validation {
    condition     = alltrue([for k, _ in var.sizes : contains(["web", "worker", "beat", "frontend", "redis", "migrate", "collectstatic"], k)])
    error_message = "sizes keys must be among web, worker, beat, frontend, redis, migrate, collectstatic."
  }
}

variable "desired_counts" {
  description = "Desired task count per service (web, worker, beat, frontend, redis); default 1 each. beat and redis must stay at most 1."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.desired_counts : contains(["web", "worker", "beat", "frontend", "redis"], k) && v >= 0 && (!contains(["beat", "redis"], k) || v <= 1)])
    error_message = "desired_counts keys must be among web, worker, beat, frontend, redis; counts >= 0; beat and redis at most 1."
  }
}

variable "capacity_provider" {
  description = "Capacity provider of the long-running services. One-off tasks (migrate, collectstatic) are always run on FARGATE by the program."
  type        = string
  default     = "FARGATE_SPOT"

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.capacity_provider)
    error_message = "capacity_provider must be FARGATE or FARGATE_SPOT."
  }
}

variable "services_use_cluster_default_strategy" {
  description = "Leave capacity_provider_strategy unset on the services so they take the cluster default (capacity_provider) when created. Only for emulators that do not report a service's strategy back; on AWS the reported strategy would then force a replacement on every plan."
  type        = bool
  default     = false
}

variable "health_check_grace_period_seconds" {
  description = "Seconds after a web or frontend task starts during which ECS ignores failed load-balancer health checks. Small, so a task that never answers fails fast (see the README's arithmetic); raise it for an application that needs longer to answer its health path."
  type        = number
  default     = 10

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 300
    error_message = "health_check_grace_period_seconds must be between 0 and 300."
  }
}

variable "name_prefix" {
  description = "Prefix of every AWS name of the environment: cluster `<prefix>-<env>`, services and task-definition families `<prefix>-<env>-<role>`, target groups `<prefix>-<env>-web`/`-fe`, log groups `/<prefix>/<env>/<role>`, bucket, task role `<prefix>-<env>-task`, Cloud Map service `<prefix>-<env>-redis`, security group `<prefix>-<env>-tasks`. The shared stack's `name_prefix`; IAM policies are scoped to it."
  type        = string
  default     = "adhoc"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,9}$", var.name_prefix))
    error_message = "name_prefix must be 1-10 lower-case letters or digits, starting with a letter."
  }
}

################################################################################
# Housekeeping
################################################################################

variable "manifest_prefix" {
  description = "SSM prefix; the manifest is written to `<manifest_prefix>/<environment>`."
  type        = string
  default     = "/adhoc"

  validation {
    condition     = can(regex("^(/[A-Za-z0-9_.-]+)+$", var.manifest_prefix))
    error_message = "manifest_prefix must be an absolute SSM path without a trailing slash, e.g. /adhoc."
  }
}

variable "log_retention_days" {
  description = "Retention of the environment's log groups `/<prefix>/<environment>/<service>`."
  type        = number
  default     = 7

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.log_retention_days)
    error_message = "log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365."
  }
}

variable "tags" {
  description = "Tags added to every resource (the module adds `adhoc:environment`)."
  type        = map(string)
  default     = {}
}
