data "aws_region" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = length(var.availability_zones) == 2 ? var.availability_zones : slice(data.aws_availability_zones.available.names, 0, 2)

  # Two public /20s first, then two private /20s (for a /16; proportionally smaller for smaller VPCs).
  subnet_newbits  = 20 - tonumber(split("/", var.vpc_cidr)[1])
  public_subnets  = { for i, az in local.azs : az => cidrsubnet(var.vpc_cidr, local.subnet_newbits, i) }
  private_subnets = { for i, az in local.azs : az => cidrsubnet(var.vpc_cidr, local.subnet_newbits, i + 8) }

  tags = merge({ "adhoc:stack" = var.name }, var.tags)
}

################################################################################
# VPC
################################################################################

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = merge(local.tags, { Name = var.name })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = var.name })
}

resource "aws_subnet" "public" {
  for_each = local.public_subnets

  vpc_id                  = aws_vpc.this.id
  availability_zone       = each.key
  cidr_block              = each.value
  map_public_ip_on_launch = true

  tags = merge(local.tags, { Name = "${var.name}-public-${each.key}", "adhoc:tier" = "public" })
}

resource "aws_subnet" "private" {
  for_each = local.private_subnets

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = each.value

  tags = merge(local.tags, { Name = "${var.name}-private-${each.key}", "adhoc:tier" = "private" })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  for_each = aws_subnet.public

  subnet_id      = each.value.id
  route_table_id = aws_route_table.public.id
}

# One NAT gateway keeps cost low; ad hoc environments do not need per-AZ egress redundancy.
resource "aws_eip" "nat" {
  count = var.create_nat_gateway ? 1 : 0

  domain = "vpc"

  tags = merge(local.tags, { Name = "${var.name}-nat" })
}

resource "aws_nat_gateway" "this" {
  count = var.create_nat_gateway ? 1 : 0

  allocation_id = aws_eip.nat[0].id
  subnet_id     = aws_subnet.public[local.azs[0]].id

  tags = merge(local.tags, { Name = var.name })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${var.name}-private" })
}

resource "aws_route" "private_nat" {
  count = var.create_nat_gateway ? 1 : 0

  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[0].id
}

resource "aws_route_table_association" "private" {
  for_each = aws_subnet.private

  subnet_id      = each.value.id
  route_table_id = aws_route_table.private.id
}

# Free, and it keeps S3 traffic off the NAT gateway's per-GB charge: ECR serves image layers from
# S3, and the environments' static and media files live there.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id, aws_route_table.public.id]

  tags = merge(local.tags, { Name = "${var.name}-s3" })
}

locals {
  # Without a NAT gateway tasks run in the public subnets with a public IP (to pull images and
  # reach AWS APIs); their own security group still admits only their ALB.
  task_subnet_ids       = var.create_nat_gateway ? [for s in aws_subnet.private : s.id] : [for s in aws_subnet.public : s.id]
  task_assign_public_ip = !var.create_nat_gateway
}

################################################################################
# Security groups
################################################################################

# Carried by every environment's tasks and the dbadmin task, next to their own group. It has no
# ingress rule, so carrying it opens nothing between tasks; it only lets the RDS group admit
# them. One rule on the RDS group for any number of environments (a group holds 60 by default),
# and the workflow never needs to change a shared group.
resource "aws_security_group" "db_clients" {
  name        = "${var.name}-db-clients"
  description = "Clients of the shared postgres (no ingress): environments' tasks and dbadmin"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${var.name}-db-clients" })
}

resource "aws_vpc_security_group_egress_rule" "db_clients_postgres" {
  security_group_id            = aws_security_group.db_clients.id
  description                  = "Postgres"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.rds.id
}

# The dbadmin task carries only this group: image pull, logs and its secret over HTTPS.
resource "aws_vpc_security_group_egress_rule" "db_clients_https" {
  security_group_id = aws_security_group.db_clients.id
  description       = "HTTPS: image pulls, CloudWatch Logs, Secrets Manager"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# Its description predates the database-clients group; changing it would replace the group
# under the running instance.
resource "aws_security_group" "rds" {
  name        = "${var.name}-rds"
  description = "Shared postgres: only from ECS tasks and the bastion"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${var.name}-rds" })
}

resource "aws_vpc_security_group_ingress_rule" "rds" {
  for_each = merge(
    { db_clients = aws_security_group.db_clients.id },
    var.create_bastion ? { bastion = aws_security_group.bastion[0].id } : {},
  )

  security_group_id            = aws_security_group.rds.id
  description                  = "Postgres from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = each.value
}
