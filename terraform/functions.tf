# ---------------------------------------------------------------------------
# The functions. One entry = one Lambda (module "function"), one IAM role,
# one log group, one alias, three alarms.
#
#   kind      http     -> API Gateway route POST /<name> (jwt = JWT authorizer)
#             schedule -> EventBridge Scheduler (renewal-tick; event-relay in events.tf; reconcile in reconcile.tf)
#             task     -> invoked explicitly (migrate)
#   secrets   which Secrets Manager secrets the function may read; each is
#             passed as an environment variable holding the secret ARN.
# ---------------------------------------------------------------------------

locals {
  function_defaults = {
    "account-sync"      = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "quote"             = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "purchase"          = { kind = "http", jwt = true, memory = 1024, timeout = 25, secrets = ["db_app", "stripe"] }
    "billing-details"   = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "invoices"          = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "pay-past-due"      = { kind = "http", jwt = true, memory = 1024, timeout = 25, secrets = ["db_app", "stripe"] }
    "entitlements"      = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "cancel"            = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "subaccount-create" = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "subaccount-delete" = { kind = "http", jwt = true, memory = 1024, timeout = 25, secrets = ["db_app"] }
    "subaccounts"       = { kind = "http", jwt = true, memory = 1024, timeout = 20, secrets = ["db_app"] }
    "payment-webhook"   = { kind = "http", jwt = false, memory = 1024, timeout = 20, secrets = ["db_app", "webhook"] }
    "renewal-tick"      = { kind = "schedule", jwt = false, memory = 1536, timeout = 300, secrets = ["db_app", "stripe"] }
    "event-relay"       = { kind = "schedule", jwt = false, memory = 512, timeout = 90, secrets = ["db_app"] }
    "reconcile"         = { kind = "schedule", jwt = false, memory = 1024, timeout = 600, secrets = ["db_app", "stripe"] }
    "migrate"           = { kind = "task", jwt = false, memory = 1024, timeout = 600, secrets = ["db_migrator", "db_master", "db_app_login"] }
  }

  # Secret key -> (environment variable name, secret ARN).
  # DB_SECRET_ARN is the login of the function's datasource: billing_app everywhere, billing_migrator in migrate,
  # which alone also reads the master secret to create both logins (database-roles.tf).
  secret_env = {
    db_app      = { env = "DB_SECRET_ARN", arn = aws_secretsmanager_secret.db_login["app"].arn }
    db_migrator = { env = "DB_SECRET_ARN", arn = aws_secretsmanager_secret.db_login["migrator"].arn }
    db_master   = { env = "DB_MASTER_SECRET_ARN", arn = aws_secretsmanager_secret.db.arn }
    # migrate sets billing_app's password from it
    db_app_login = { env = "DB_APP_SECRET_ARN", arn = aws_secretsmanager_secret.db_login["app"].arn }
    stripe       = { env = "STRIPE_SECRET_ARN", arn = aws_secretsmanager_secret.stripe.arn }
    webhook      = { env = "WEBHOOK_SECRET_ARN", arn = aws_secretsmanager_secret.webhook.arn }
  }

  functions = {
    for name, f in local.function_defaults : name => merge(f, {
      memory               = lookup(var.function_memory_mb, name, f.memory)
      timeout              = lookup(var.function_timeout_seconds, name, f.timeout)
      reserved_concurrency = lookup(var.function_reserved_concurrency, name, -1)
      zip_path             = "${local.artifacts_dir}/${name}/target/function.zip"
    })
  }

  http_functions = { for name, f in local.functions : name => f if f.kind == "http" }

  common_environment = {
    QUARKUS_DATASOURCE_JDBC_URL = local.jdbc_url
    # user and password from the DB secret (DB_SECRET_ARN) for each new connection, never at init:
    # not in the SnapStart snapshot, and a rotated password needs no new version (DatabaseSecret)
    QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER      = "database"
    QUARKUS_DATASOURCE_CREDENTIALS_PROVIDER_NAME = "database-secret"
    BILLING_PAYMENT_PROVIDER                     = var.payment_provider
    # Migrations run only in the migrate function, explicitly — never at start-up
    # (with SnapStart, start-up even runs when a version is published).
    QUARKUS_FLYWAY_MIGRATE_AT_START = "false"
  }

  jwt_environment = {
    MP_JWT_VERIFY_ISSUER             = var.jwt_issuer
    MP_JWT_VERIFY_AUDIENCES          = join(",", var.jwt_audience)
    MP_JWT_VERIFY_PUBLICKEY_LOCATION = var.jwt_jwks_url
  }
}

module "function" {
  source   = "./modules/function"
  for_each = local.functions

  name          = each.key
  function_name = "${local.prefix}-${each.key}"
  description   = "Add-on billing (${var.environment}): ${each.key}"

  artifacts_bucket = aws_s3_bucket_versioning.artifacts.bucket # versioning on before the first upload
  zip_path         = each.value.zip_path

  architecture         = var.lambda_architecture
  memory_mb            = each.value.memory
  timeout_seconds      = each.value.timeout
  reserved_concurrency = each.value.reserved_concurrency
  alias_name           = var.alias_name

  environment = merge(
    local.common_environment,
    each.value.jwt ? local.jwt_environment : {},
    lookup(local.function_environment, each.key, {}),
  )
  secret_arns = { for s in each.value.secrets : local.secret_env[s].env => local.secret_env[s].arn }

  subnet_ids         = aws_subnet.private[*].id
  security_group_ids = [aws_security_group.lambda.id]

  log_retention_days   = var.log_retention_days
  alarm_actions        = [aws_sns_topic.alarms.arn]
  duration_alarm_ratio = var.duration_alarm_ratio
}
