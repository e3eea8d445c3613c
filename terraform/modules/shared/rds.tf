################################################################################
# Shared postgres; every environment gets its own database `<env>` in it
################################################################################

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = [for s in aws_subnet.private : s.id]

  tags = local.tags
}

resource "aws_db_instance" "this" {
  count = var.create_rds ? 1 : 0

  identifier     = var.name
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  allocated_storage = var.db_allocated_storage
  storage_type      = "gp3"
  storage_encrypted = true

  username = var.db_username
  # RDS generates the password and keeps it in Secrets Manager; it never appears in code or state.
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.rds.id]
  publicly_accessible    = false
  multi_az               = false

  backup_retention_period   = var.db_backup_retention_days
  deletion_protection       = var.db_deletion_protection
  skip_final_snapshot       = var.db_skip_final_snapshot
  final_snapshot_identifier = var.db_skip_final_snapshot ? null : "${var.name}-final"
  copy_tags_to_snapshot     = true
  apply_immediately         = true

  tags = local.tags
}

locals {
  database = var.create_rds ? {
    host              = aws_db_instance.this[0].address
    port              = aws_db_instance.this[0].port
    master_secret_arn = aws_db_instance.this[0].master_user_secret[0].secret_arn
    } : {
    # null without fake_database; the shared manifest's precondition then explains.
    host              = try(var.fake_database.host, null)
    port              = try(var.fake_database.port, null)
    master_secret_arn = try(var.fake_database.master_secret_arn, null)
  }
}
