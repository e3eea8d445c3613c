# The S3 backend against the local AWS emulator: the endpoint comes from AWS_ENDPOINT_URL;
# the bucket is created by applying examples/bootstrap with local.tfvars.
bucket                      = "adhoc-local-state"
key                         = "ad-hoc/terraform.tfstate"
region                      = "us-east-1"
use_lockfile                = true
use_path_style              = true
skip_credentials_validation = true
skip_requesting_account_id  = true
skip_metadata_api_check     = true
skip_region_validation      = true
