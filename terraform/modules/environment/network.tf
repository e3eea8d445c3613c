################################################################################
# The environment's own security group: one preview cannot reach another's tasks
################################################################################

# Every task of the environment (services, pre-deploy and one-off tasks) carries this group and
# the shared stack's database-clients group, which has no ingress at all and only lets the RDS
# group admit it on 5432.
locals {
  security_groups = [aws_security_group.tasks.id, var.database_clients_security_group_id]
}

resource "aws_security_group" "tasks" {
  name        = "${local.name}-tasks"
  description = "Tasks of ad hoc environment ${local.env}: web and frontend from the ALB, redis from the environment itself"
  vpc_id      = var.vpc_id

  tags = merge(local.tags, { Name = "${local.name}-tasks" })
}

resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  for_each = local.load_balanced

  security_group_id            = aws_security_group.tasks.id
  description                  = "${each.key} from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = var.alb_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "redis from this environment's tasks only"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.tasks.id

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "redis" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "redis of this environment"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.tasks.id

  tags = local.tags
}

# Image pulls, AWS APIs (through the NAT or endpoints) and the application's own outbound calls.
resource "aws_vpc_security_group_egress_rule" "internet" {
  for_each = toset([for p in var.egress_ports : tostring(p)])

  security_group_id = aws_security_group.tasks.id
  description       = "tcp ${each.value} out"
  ip_protocol       = "tcp"
  from_port         = tonumber(each.value)
  to_port           = tonumber(each.value)
  cidr_ipv4         = "0.0.0.0/0"

  tags = local.tags
}
