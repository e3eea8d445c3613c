# Applies against the local AWS emulator (moto) reached through AWS_ENDPOINT_URL, after
# examples/bootstrap and examples/shared were applied with their local.tfvars.
# The program passes environment, backend_image_tag, frontend_image_tag and
# listener_rule_priority with -var.
local_emulator            = true
state_bucket              = "adhoc-local-state"
backend_image_repository  = "registry.local/adhoc/backend"
frontend_image_repository = "registry.local/adhoc/frontend"
log_retention_days        = 1
