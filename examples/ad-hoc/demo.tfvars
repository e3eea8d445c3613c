# Customer demo: public, a little more capacity, no debug output.
public = true

extra_environment = {
  DJANGO_DEBUG = "false"
  LOG_LEVEL    = "INFO"
}

sizes = {
  web = { cpu = 1024, memory = 2048 }
}

desired_counts = {
  web    = 2
  worker = 2
}
