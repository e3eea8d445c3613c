variable "name" {
  description = "Name of the shared stack; prefixes every resource name (VPC, ALB, RDS, the admin cluster `<name>-admin`)."
  type        = string
  default     = "adhoc"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,14}[a-z0-9]$", var.name))
    error_message = "name must be 2-16 characters of lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "name_prefix" {
  description = "Prefix of every per-environment AWS name (`<prefix>-<env>`, `<prefix>-<env>-web`, `/<prefix>/<env>/...`, secrets `<prefix>/<env>/...`); environments read it from the shared manifest (`namePrefix`). The workflow policy and the execution role are scoped to it."
  type        = string
  default     = "adhoc"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{0,9}$", var.name_prefix))
    error_message = "name_prefix must be 1-10 lower-case letters or digits, starting with a letter."
  }
}

variable "domain" {
  description = "DNS domain under which environments get their host names (`<env>.<domain>`)."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lower-case DNS name such as dev.example.com."
  }
}

variable "route53_zone_id" {
  description = "ID of the existing public Route 53 hosted zone for `domain`. Leave null to look the zone up by name, or set create_route53_zone."
  type        = string
  default     = null
}

variable "create_route53_zone" {
  description = "Create a public hosted zone for `domain` (delegate it from the parent zone yourself). Ignored when route53_zone_id is set."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ARN of an ACM certificate covering `*.<domain>`, used by every ALB's HTTPS listener."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:(acm|iam):", var.certificate_arn))
    error_message = "certificate_arn must be an ACM (or IAM server certificate) ARN."
  }
}

variable "load_balancer_count" {
  description = "Number of ALBs environments are placed on. Each environment takes 2 target groups and 2 listener rules of its ALB, and an ALB holds at most 100 target groups, so one ALB holds 50 environments; the default 4 holds 200. Raising it later adds ALBs and changes nothing else (the first is named `name`, the others `<name>-<n>`); lowering it destroys the last ALBs, so move or destroy their environments first."
  type        = number
  default     = 4

  validation {
    condition     = var.load_balancer_count >= 1 && var.load_balancer_count <= 50 && floor(var.load_balancer_count) == var.load_balancer_count
    error_message = "load_balancer_count must be a whole number from 1 to 50 (the default quota of ALBs per region)."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listeners."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "manifest_prefix" {
  description = "SSM parameter prefix of the manifests; the shared manifest is written to `<manifest_prefix>/_shared`."
  type        = string
  default     = "/adhoc"

  validation {
    condition     = can(regex("^(/[A-Za-z0-9_.-]+)+$", var.manifest_prefix))
    error_message = "manifest_prefix must be an absolute SSM path without a trailing slash, e.g. /adhoc."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC. Two public and two private /20 subnets are carved out of it."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && tonumber(split("/", var.vpc_cidr)[1]) <= 18
    error_message = "vpc_cidr must be a valid IPv4 CIDR block of /18 or larger."
  }
}

variable "availability_zones" {
  description = "Two availability zones to spread subnets over. Empty: the first two available zones of the region."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.availability_zones) == 0 || length(var.availability_zones) == 2
    error_message = "availability_zones must be empty or list exactly two zones."
  }
}

variable "create_nat_gateway" {
  description = "Create a NAT gateway so tasks run in private subnets and reach ECR, CloudWatch and the internet through it. false: no NAT (about $36/month less); tasks then run in the public subnets with a public IP each ($0.005/hour per running task), admitted only from their ALB's security group (outputs `task_subnet_ids`, `task_assign_public_ip`). Cheaper up to about two previews running around the clock; see the README's costs."
  type        = bool
  default     = true
}

variable "create_rds" {
  description = "Create the RDS postgres instance. false only for emulators without RDS-managed secrets; then fake_database describes the endpoint to publish."
  type        = bool
  default     = true
}

variable "fake_database" {
  description = "Endpoint published instead of a real instance when create_rds = false (local emulator runs only)."
  type = object({
    host              = string
    port              = number
    master_secret_arn = string
  })
  default = null
}

variable "db_instance_class" {
  description = "Instance class of the shared RDS postgres instance."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_engine_version" {
  description = "PostgreSQL engine version (major 15)."
  type        = string
  default     = "15"

  validation {
    condition     = can(regex("^15(\\.[0-9]+)?$", var.db_engine_version))
    error_message = "db_engine_version must be PostgreSQL 15 (\"15\" or \"15.x\")."
  }
}

variable "db_allocated_storage" {
  description = "Allocated storage of the RDS instance in GiB."
  type        = number
  default     = 20

  validation {
    condition     = var.db_allocated_storage >= 20 && var.db_allocated_storage <= 1000
    error_message = "db_allocated_storage must be between 20 and 1000 GiB."
  }
}

variable "db_username" {
  description = "Master user name of the RDS instance. Its password is generated and kept in Secrets Manager by RDS."
  type        = string
  default     = "adhoc"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.db_username)) && !contains(["postgres", "rdsadmin", "admin"], var.db_username)
    error_message = "db_username must be a lower-case identifier and not a reserved name (postgres, rdsadmin, admin)."
  }
}

variable "db_connection_limit_per_environment" {
  description = "CONNECTION LIMIT of each environment's database role (the program sets it); published as `database.connectionLimit` so the preflight can compare environments x limit with `database.maxConnections`. The default 5 covers gunicorn's 2 workers, a celery worker and beat with Django's default `CONN_MAX_AGE = 0` (a connection per request or task) and fits 20 environments on a `db.t4g.micro`."
  type        = number
  default     = 5

  validation {
    condition     = var.db_connection_limit_per_environment >= 1 && floor(var.db_connection_limit_per_environment) == var.db_connection_limit_per_environment
    error_message = "db_connection_limit_per_environment must be a whole number of at least 1."
  }
}

variable "db_max_connections" {
  description = "The instance's max_connections, published as `database.maxConnections`. Null: RDS's default for the instance class, LEAST(memory / 9531392, 5000) (112 for 1 GiB); set it when the parameter group changes it or the class is not one the module knows."
  type        = number
  default     = null

  validation {
    condition     = var.db_max_connections == null || try(var.db_max_connections >= 1, false)
    error_message = "db_max_connections must be null or at least 1."
  }
}

variable "db_deletion_protection" {
  description = "Protect the RDS instance against deletion. Turn off before destroying the shared stack."
  type        = bool
  default     = true
}

variable "db_skip_final_snapshot" {
  description = "Skip the final snapshot when the RDS instance is deleted."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days automated RDS backups are kept (0 disables them)."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 0 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 0 and 35."
  }
}

variable "create_bastion" {
  description = "Create an SSH/Session Manager bastion host in a public subnet, for `database: bastion`. Off by default: the program's default `database: task` creates databases with the one-off dbadmin task and needs no bastion."
  type        = bool
  default     = false
}

variable "bastion_instance_type" {
  description = "Instance type of the bastion host."
  type        = string
  default     = "t3.micro"
}

variable "bastion_ami_id" {
  description = "AMI of the bastion. Null: the latest Amazon Linux 2023 AMI from the public SSM parameter."
  type        = string
  default     = null
}

variable "bastion_key_name" {
  description = "Name of an existing EC2 key pair allowed to SSH to the bastion as ec2-user. Null: Session Manager only."
  type        = string
  default     = null
}

variable "bastion_allowed_cidrs" {
  description = "CIDR blocks allowed to SSH (port 22) to the bastion. Empty: no SSH ingress at all (Session Manager still works)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.bastion_allowed_cidrs : can(cidrnetmask(c))])
    error_message = "bastion_allowed_cidrs must contain IPv4 CIDR blocks."
  }
}

variable "secret_arns" {
  description = "Extra ARNs (wildcards allowed) of Secrets Manager secrets and SSM parameters the task-execution role may read, i.e. what environments pass in `secrets` beyond their own `<name_prefix>/<env>/...` secrets (always readable). Never the database master secret: only the dbadmin task reads that."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.secret_arns : can(regex("^arn:aws[a-z-]*:(secretsmanager|ssm):", a))])
    error_message = "secret_arns must be Secrets Manager or SSM parameter ARNs."
  }
}

variable "task_boundary_policy_documents" {
  description = "Extra IAM policy documents (JSON) merged into the permissions boundary `<name_prefix>-task-boundary` every environment's task role carries, for what the application itself needs beyond its bucket and ECS Exec (e.g. SES, SQS). Nothing outside the boundary can ever be granted to a task role."
  type        = list(string)
  default     = []
}

variable "terraform_state" {
  description = "The S3 backend of the environments' root (examples/ad-hoc) and the shared stack's state it reads, for the workflow policy: the bucket (null: no state statements), the shared state's key, the environments' key and the workspace key prefix (`env:`)."
  type = object({
    bucket               = optional(string)
    shared_key           = optional(string, "shared/terraform.tfstate")
    environments_key     = optional(string, "ad-hoc/terraform.tfstate")
    workspace_key_prefix = optional(string, "env:")
  })
  default = {}

  validation {
    condition     = var.terraform_state.bucket == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.terraform_state.bucket))
    error_message = "terraform_state.bucket must be an S3 bucket name."
  }
}

variable "preview_record_names" {
  description = "Route 53 record names (IAM StringLike patterns, lower case, no trailing dot) the workflow may change. Empty: `*.<domain>`. In a zone that also holds production records, use a pattern only previews match, e.g. [\"pr-*.example.com\"]. The apex, `www.<domain>`, deeper names and names with escaped characters (the wildcard record) are never writable."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.preview_record_names : can(regex("^[a-z0-9*?_-]+(\\.[a-z0-9*?_-]+)+$", n))])
    error_message = "preview_record_names must be lower-case DNS names or IAM patterns without a trailing dot, e.g. pr-*.example.com."
  }
}

variable "protected_record_names" {
  description = "More record names (StringLike patterns) the workflow may never change, e.g. [\"api.example.com\"]."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.protected_record_names : can(regex("^[a-z0-9*?_-]+(\\.[a-z0-9*?_-]+)+$", n))])
    error_message = "protected_record_names must be lower-case DNS names or IAM patterns without a trailing dot, e.g. pr-*.example.com."
  }
}

variable "create_github_oidc_role" {
  description = "Create the IAM role GitHub Actions assumes through OIDC (`<name>-github-workflow`) with the workflow policy; its ARN is the output `workflow_role_arn`."
  type        = bool
  default     = false
}

variable "github_repository" {
  description = "The repository (owner/name) whose workflows may assume the role."
  type        = string
  default     = null

  validation {
    condition     = var.github_repository == null || can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name (letters, digits, _, . and -)."
  }
}

variable "github_subjects" {
  description = "Which of the repository's runs may assume the role: the OIDC `sub` after `repo:<owner>/<name>:`, e.g. `pull_request`, `ref:refs/heads/main`, `environment:previews`."
  type        = list(string)
  default     = ["pull_request", "ref:refs/heads/main"]

  validation {
    condition = length(var.github_subjects) > 0 && alltrue([for s in var.github_subjects :
      can(regex("^(pull_request|ref:refs/(heads|tags)/[A-Za-z0-9_./*-]+|environment:[A-Za-z0-9_.-]+)$", s))
    ])
    error_message = "github_subjects must be pull_request, ref:refs/heads/<branch>, ref:refs/tags/<tag> or environment:<name>."
  }
}

variable "workflow_policy_parts" {
  description = "Number of managed policies the workflow policy is split into (each holds 6,144 characters; `workflow_policy_parts_json`)."
  type        = number
  default     = 3

  validation {
    condition     = var.workflow_policy_parts >= 1 && var.workflow_policy_parts <= 10 && floor(var.workflow_policy_parts) == var.workflow_policy_parts
    error_message = "workflow_policy_parts must be a whole number from 1 to 10 (managed policies per role)."
  }
}

variable "github_oidc_provider_arn" {
  description = "ARN of the account's existing token.actions.githubusercontent.com OIDC provider (an account has at most one). Null: create it."
  type        = string
  default     = null

  validation {
    condition     = var.github_oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", var.github_oidc_provider_arn))
    error_message = "github_oidc_provider_arn must be the ARN of the token.actions.githubusercontent.com OIDC provider."
  }
}

variable "dbadmin_image" {
  description = "Image of the `<name>-dbadmin` task that creates and drops per-environment databases."
  type        = string
  default     = "public.ecr.aws/docker/library/postgres:15-alpine"
}

variable "log_retention_days" {
  description = "Retention of the shared CloudWatch log groups."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
