# Brian's long-lived development environment: reachable from the office only.
public        = false
allowed_cidrs = ["203.0.113.0/24"]

extra_environment = {
  DJANGO_DEBUG = "true"
  LOG_LEVEL    = "DEBUG"
}

desired_counts = {
  worker = 1
}
