terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }

  # Partial configuration: bucket, key, region come from -backend-config
  # (see backend.hcl.example, or local.backend.hcl for the local emulator).
  backend "s3" {}
}
