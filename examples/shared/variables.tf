variable "region" {
  description = "AWS region of the shared stack."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the shared stack."
  type        = string
  default     = "adhoc"
}

variable "name_prefix" {
  description = "Prefix of every per-environment AWS name (environments read it from this stack)."
  type        = string
  default     = "adhoc"
}

variable "domain" {
  description = "Domain environments live under (`<env>.<domain>`)."
  type        = string
}

variable "route53_zone_id" {
  description = "Existing hosted zone of `domain`; null looks it up by name (or creates it with create_route53_zone)."
  type        = string
  default     = null
}

variable "create_route53_zone" {
  description = "Create the hosted zone of `domain`."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate for `*.<domain>`. Null: request one and validate it through DNS in the hosted zone."
  type        = string
  default     = null
}

variable "manifest_prefix" {
  description = "SSM prefix of the manifests."
  type        = string
  default     = "/adhoc"
}

variable "load_balancer_count" {
  description = "Number of ALBs environments are placed on, 50 environments each (see the module). Raise it to add ALBs without touching existing environments."
  type        = number
  default     = 4
}

variable "bastion_key_name" {
  description = "EC2 key pair for SSH to the bastion."
  type        = string
  default     = null
}

variable "bastion_allowed_cidrs" {
  description = "CIDR blocks allowed to SSH to the bastion."
  type        = list(string)
  default     = []
}

variable "create_bastion" {
  description = "Create the bastion host (only `database: bastion` needs it)."
  type        = bool
  default     = false
}

variable "secret_arns" {
  description = "Secrets and SSM parameters environments may pass to their containers."
  type        = list(string)
  default     = []
}

variable "state_bucket" {
  description = "State bucket (examples/bootstrap) of this stack and of examples/ad-hoc; the workflow policy names its state objects."
  type        = string
  default     = "acme-adhoc-terraform-state"
}

variable "create_github_oidc_role" {
  description = "Create the role GitHub Actions assumes (output workflow_role_arn)."
  type        = bool
  default     = false
}

variable "github_repository" {
  description = "owner/name of the repository whose workflows may assume the role."
  type        = string
  default     = null
}

variable "github_subjects" {
  description = "OIDC subjects (after repo:<owner>/<name>:) allowed to assume the role."
  type        = list(string)
  default     = ["pull_request", "ref:refs/heads/main"]
}

variable "github_oidc_provider_arn" {
  description = "The account's existing GitHub OIDC provider; null creates it."
  type        = string
  default     = null
}

variable "db_deletion_protection" {
  description = "Protect the RDS instance against deletion."
  type        = bool
  default     = true
}

variable "db_skip_final_snapshot" {
  description = "Skip the final RDS snapshot on deletion."
  type        = bool
  default     = false
}

variable "local_emulator" {
  description = "true only against a local AWS emulator (AWS_ENDPOINT_URL): skips account and credential checks, uses path-style S3."
  type        = bool
  default     = false
}

variable "create_nat_gateway" {
  description = "Create the NAT gateway. false: the cheapest stack, tasks in public subnets with a public IP each (see the module README)."
  type        = bool
  default     = true
}

variable "create_rds" {
  description = "Create the RDS instance (false only for emulators; fake_database is published instead)."
  type        = bool
  default     = true
}

variable "fake_database" {
  description = "Endpoint published when create_rds = false."
  type = object({
    host              = string
    port              = number
    master_secret_arn = string
  })
  default = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
