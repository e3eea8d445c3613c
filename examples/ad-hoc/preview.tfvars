# Every pull-request preview (pr-<number>), named with the var-file input: small, private to the
# office and the CI runners' egress, debug output on. The program passes environment, the image
# tags and listener_rule_priority with -var.
public        = false
allowed_cidrs = ["203.0.113.0/24"]

extra_environment = {
  DJANGO_DEBUG = "true"
  LOG_LEVEL    = "DEBUG"
}
