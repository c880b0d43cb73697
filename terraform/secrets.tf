# ---------------------------------------------------------------------------
# Secrets Manager. No secret value is written in this code:
#
#   db       created here; its value (JSON username/password) is written by
#            terraform from the EPHEMERAL variable db_master_password through
#            the write-only attribute secret_string_wo — never in state/plan.
#   stripe   created empty here; the Stripe secret API key is put in it
#            outside terraform (aws secretsmanager put-secret-value, README).
#   webhook  created empty here; the Stripe webhook signing secret (whsec_...)
#            is put in it outside terraform (README). For rotation, store
#            several secrets separated by commas.
#
# Readers (IAM, see functions.tf): db (master) -> migrate and RDS Proxy; the logins -> database-roles.tf;
# stripe -> purchase, renewal-tick, reconcile; webhook -> payment-webhook.
# ---------------------------------------------------------------------------

resource "aws_secretsmanager_secret" "db" {
  name_prefix             = "${local.prefix}/db-credentials-"
  description             = "Aurora master credentials (username/password JSON): RDS Proxy, and migrate to create the logins"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string_wo = jsonencode({
    engine   = "postgres"
    username = var.db_master_username
    password = var.db_master_password
    port     = 5432
    dbname   = var.db_name
  })
  secret_string_wo_version = var.db_master_password_version
}

resource "aws_secretsmanager_secret" "stripe" {
  name_prefix             = "${local.prefix}/stripe-api-key-"
  description             = "Stripe secret API key (sk_...) used by purchase, renewal-tick and reconcile. Value set outside terraform."
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret" "webhook" {
  name_prefix             = "${local.prefix}/stripe-webhook-secret-"
  description             = "Stripe webhook signing secret (whsec_...) checked by payment-webhook. Value set outside terraform."
  recovery_window_in_days = 7
}
