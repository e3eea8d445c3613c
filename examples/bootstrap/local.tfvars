# Applies against the local AWS emulator (moto) reached through AWS_ENDPOINT_URL.
bucket_name    = "adhoc-local-state"
region         = "us-east-1"
local_emulator = true
