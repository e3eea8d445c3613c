################################################################################
# Passed by the program with -var on every plan/apply/destroy
################################################################################

variable "environment" {
  description = "Name of the environment; must equal the terraform workspace."
  type        = string

  validation {
    condition     = var.environment == terraform.workspace
    error_message = "environment must equal the selected terraform workspace (terraform workspace select -or-create <environment>)."
  }
}

variable "backend_image_tag" {
  description = "Backend image tag or sha256: digest (the running one when no new tag is rolled out)."
  type        = string
}

variable "frontend_image_tag" {
  description = "Frontend image tag or sha256: digest (the running one when no new tag is rolled out)."
  type        = string
}

variable "listener_rule_priority" {
  description = "Base listener-rule priority P (P and P+1 are used), chosen by the program among free ones."
  type        = number
}

variable "load_balancer" {
  description = "Name of the shared stack's ALB the environment is placed on (the shared manifest's `loadBalancers[].name`), chosen by the program on create and kept for the environment's life. Null: the first ALB."
  type        = string
  default     = null

  validation {
    condition     = var.load_balancer == null ? true : contains(local.load_balancer_names, var.load_balancer)
    error_message = "load_balancer \"${coalesce(var.load_balancer, "-")}\" is not an ALB of the shared stack, whose ALBs are: ${join(", ", local.load_balancer_names)}. Pass one of these (the shared manifest's loadBalancers), or add ALBs with the shared stack's load_balancer_count."
  }
}

################################################################################
# Set in <environment>.tfvars (or left at their defaults)
################################################################################

variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"
}

variable "state_bucket" {
  description = "State bucket (examples/bootstrap) holding the shared stack's state."
  type        = string
  default     = "acme-adhoc-terraform-state"
}

variable "shared_state_key" {
  description = "Key of the shared stack's state in state_bucket."
  type        = string
  default     = "shared/terraform.tfstate"
}

variable "backend_image_repository" {
  description = "Backend image repository. Null: `<account>.dkr.ecr.<region>.amazonaws.com/backend`."
  type        = string
  default     = null
}

variable "frontend_image_repository" {
  description = "Frontend image repository. Null: `<account>.dkr.ecr.<region>.amazonaws.com/frontend`."
  type        = string
  default     = null
}

variable "public" {
  description = "Reachable by anyone (true) or only from allowed_cidrs (false)."
  type        = bool
  default     = true
}

variable "allowed_cidrs" {
  description = "Source CIDR blocks allowed when public = false."
  type        = list(string)
  default     = []
}

variable "extra_environment" {
  description = "Additional plain settings for the backend containers."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name → Secrets Manager / SSM parameter ARN."
  type        = map(string)
  default     = {}
}

variable "sizes" {
  description = "cpu/memory overrides per service or task."
  type = map(object({
    cpu    = number
    memory = number
  }))
  default = {}
}

variable "desired_counts" {
  description = "Desired task counts per service (default 1 each)."
  type        = map(number)
  default     = {}
}

variable "manifest_prefix" {
  description = "SSM prefix of the manifests."
  type        = string
  default     = "/adhoc"
}

variable "log_retention_days" {
  description = "Retention of the environment's log groups."
  type        = number
  default     = 7
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

################################################################################
# Local emulator only
################################################################################

variable "local_emulator" {
  description = "true only against a local AWS emulator (AWS_ENDPOINT_URL): skips account and credential checks, uses path-style S3."
  type        = bool
  default     = false
}
