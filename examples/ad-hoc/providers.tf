provider "aws" {
  region = var.region

  # Only for a local AWS emulator reached through AWS_ENDPOINT_URL; false against AWS.
  skip_credentials_validation = var.local_emulator
  skip_requesting_account_id  = var.local_emulator
  skip_metadata_api_check     = var.local_emulator
  s3_use_path_style           = var.local_emulator

  default_tags {
    tags = merge(var.tags, { "adhoc:environment" = var.environment })
  }
}
