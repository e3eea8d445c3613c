variable "region" {
  description = "AWS region of the state bucket."
  type        = string
  default     = "us-east-1"
}

variable "bucket_name" {
  description = "Name of the S3 bucket holding the terraform state of examples/shared and examples/ad-hoc."
  type        = string
}

variable "local_emulator" {
  description = "true only when applying against a local AWS emulator (AWS_ENDPOINT_URL): skips account and credential checks, uses path-style S3."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = { "adhoc:stack" = "state" }
}
