terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }

  # Partial configuration (see backend.hcl.example, local.backend.hcl). One workspace per
  # environment: its state lives at env:/<environment>/<key>.
  backend "s3" {}
}
