# Applies against the local AWS emulator (moto) reached through AWS_ENDPOINT_URL.
local_emulator         = true
domain                 = "adhoc.test"
create_route53_zone    = true
db_deletion_protection = false
db_skip_final_snapshot = true
state_bucket           = "adhoc-local-state"
# Two ALBs are enough to show placement; the module's default is 4 (200 environments).
load_balancer_count = 2
