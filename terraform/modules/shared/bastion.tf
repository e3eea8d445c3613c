################################################################################
# Bastion: SSH (only from bastion_allowed_cidrs) and Session Manager
################################################################################

data "aws_ssm_parameter" "al2023" {
  count = var.create_bastion && var.bastion_ami_id == null ? 1 : 0

  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_security_group" "bastion" {
  count = var.create_bastion ? 1 : 0

  name        = "${var.name}-bastion"
  description = "Bastion: SSH only from the allowed CIDR blocks"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, { Name = "${var.name}-bastion" })
}

resource "aws_vpc_security_group_ingress_rule" "bastion_ssh" {
  for_each = var.create_bastion ? toset(var.bastion_allowed_cidrs) : toset([])

  security_group_id = aws_security_group.bastion[0].id
  description       = "SSH"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_egress_rule" "bastion_all" {
  count = var.create_bastion ? 1 : 0

  security_group_id = aws_security_group.bastion[0].id
  description       = "Postgres, Session Manager, package updates"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bastion" {
  count = var.create_bastion ? 1 : 0

  name               = "${var.name}-bastion"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "bastion_ssm" {
  count = var.create_bastion ? 1 : 0

  role       = aws_iam_role.bastion[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "bastion" {
  count = var.create_bastion ? 1 : 0

  name = "${var.name}-bastion"
  role = aws_iam_role.bastion[0].name

  tags = local.tags
}

resource "aws_instance" "bastion" {
  count = var.create_bastion ? 1 : 0

  ami                         = coalesce(var.bastion_ami_id, one(data.aws_ssm_parameter.al2023[*].insecure_value))
  instance_type               = var.bastion_instance_type
  subnet_id                   = aws_subnet.public[local.azs[0]].id
  vpc_security_group_ids      = [aws_security_group.bastion[0].id]
  associate_public_ip_address = true
  key_name                    = var.bastion_key_name
  iam_instance_profile        = aws_iam_instance_profile.bastion[0].name

  # The bastion runs createdb/dropdb for `database: bastion`.
  user_data = <<-EOT
    #!/bin/bash
    dnf install -y postgresql15
  EOT

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 8
  }

  lifecycle {
    ignore_changes = [ami]
  }

  tags = merge(local.tags, { Name = "${var.name}-bastion" })
}

# A stable address, so the bastion's host (and known_hosts entry) survives a stop/start.
resource "aws_eip" "bastion" {
  count = var.create_bastion ? 1 : 0

  domain   = "vpc"
  instance = aws_instance.bastion[0].id

  tags = merge(local.tags, { Name = "${var.name}-bastion" })
}
