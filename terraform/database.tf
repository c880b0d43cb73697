# ---------------------------------------------------------------------------
# Aurora PostgreSQL Serverless v2 in the private subnets, reached only through
# RDS Proxy (TLS required, credentials from the DB secret).
# ---------------------------------------------------------------------------

resource "aws_db_subnet_group" "this" {
  name        = "${local.prefix}-db"
  description = "Private subnets of the billing database"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = "${local.prefix}-db"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned" # Serverless v2 runs in "provisioned" mode with db.serverless instances
  engine_version     = var.db_engine_version
  database_name      = var.db_name
  port               = 5432

  master_username = var.db_master_username
  # Write-only: sent to RDS, never stored in the state. Re-sent when the version changes.
  master_password_wo         = var.db_master_password
  master_password_wo_version = var.db_master_password_version

  serverlessv2_scaling_configuration {
    min_capacity = var.db_min_capacity
    max_capacity = var.db_max_capacity
  }

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]

  storage_encrypted                   = true
  iam_database_authentication_enabled = false
  backup_retention_period             = var.db_backup_retention_days
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.db_deletion_protection
  skip_final_snapshot                 = var.db_skip_final_snapshot
  # unique per cluster: a cluster re-created under the same name does not collide with its predecessor's snapshot
  final_snapshot_identifier       = var.db_skip_final_snapshot ? null : "${local.prefix}-db-final-${formatdate("YYYYMMDDhhmmss", plantimestamp())}"
  enabled_cloudwatch_logs_exports = ["postgresql"]

  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }
}

resource "aws_rds_cluster_instance" "this" {
  count = var.db_instance_count

  identifier         = "${local.prefix}-db-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = "db.serverless"
  # one instance per zone in turn: the failover target is in another AZ than the writer
  availability_zone    = local.db_instance_azs[count.index]
  engine               = aws_rds_cluster.this.engine
  engine_version       = aws_rds_cluster.this.engine_version
  db_subnet_group_name = aws_db_subnet_group.this.name
  publicly_accessible  = false
}

# ---------------------------------------------------------------------------
# RDS Proxy: pools the connections of many short-lived Lambda environments.
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "proxy_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["rds.amazonaws.com"]
    }
    # Confused-deputy protection: only RDS acting for this account.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "proxy" {
  name               = "${local.prefix}-rds-proxy"
  description        = "Lets RDS Proxy read the database credentials secret"
  assume_role_policy = data.aws_iam_policy_document.proxy_assume.json
}

data "aws_iam_policy_document" "proxy" {
  statement {
    sid       = "ReadDbSecret"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = local.proxy_secret_arns
  }
}

resource "aws_iam_role_policy" "proxy" {
  name   = "read-db-secret"
  role   = aws_iam_role.proxy.id
  policy = data.aws_iam_policy_document.proxy.json
}

resource "aws_db_proxy" "this" {
  name                   = "${local.prefix}-db"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy.arn
  vpc_subnet_ids         = aws_subnet.private[*].id
  vpc_security_group_ids = [aws_security_group.proxy.id]
  require_tls            = true
  idle_client_timeout    = 1800
  debug_logging          = false

  # One entry per login: clients authenticate with the user/password of its secret (the functions read the
  # same secret, DB_SECRET_ARN). IAM auth to the proxy is not used.
  dynamic "auth" {
    for_each = local.proxy_logins
    content {
      auth_scheme               = "SECRETS"
      secret_arn                = auth.value.arn
      iam_auth                  = "DISABLED"
      client_password_auth_type = "POSTGRES_SCRAM_SHA_256"
      description               = auth.value.description
    }
  }

  depends_on = [aws_iam_role_policy.proxy]
}

resource "aws_db_proxy_default_target_group" "this" {
  db_proxy_name = aws_db_proxy.this.name

  connection_pool_config {
    max_connections_percent      = 90
    max_idle_connections_percent = 50
    # shorter than every function's timeout: a function waiting for a connection fails with an answer
    connection_borrow_timeout = var.db_proxy_borrow_timeout_seconds
  }
}

resource "aws_db_proxy_target" "this" {
  db_proxy_name         = aws_db_proxy.this.name
  target_group_name     = aws_db_proxy_default_target_group.this.name
  db_cluster_identifier = aws_rds_cluster.this.cluster_identifier

  depends_on = [aws_rds_cluster_instance.this]
}
