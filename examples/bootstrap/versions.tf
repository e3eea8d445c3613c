terraform {
  required_version = ">= 1.10" # S3 native state locking (use_lockfile) in the roots using this bucket

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }

  # The state of the state bucket itself stays local (or commit it somewhere safe).
}
