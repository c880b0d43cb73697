# ---------------------------------------------------------------------------
# Database migrations (Flyway) run in the migrate function only, never on a
# function's cold start. With run_migrations = true, apply invokes it through
# its alias once per published version (i.e. once per deploy of new code);
# otherwise run it yourself (README: aws lambda invoke ... --qualifier live).
# ---------------------------------------------------------------------------

resource "aws_lambda_invocation" "migrate" {
  count = var.run_migrations ? 1 : 0

  function_name = module.function["migrate"].function_name
  qualifier     = module.function["migrate"].alias_name
  input         = jsonencode({ action = "migrate" })

  triggers = {
    version = module.function["migrate"].version
  }

  # The database must be reachable through the proxy, and the secret set.
  depends_on = [
    aws_db_proxy_target.this,
    aws_secretsmanager_secret_version.db,
    aws_secretsmanager_secret_version.db_login,
    aws_vpc_endpoint.secretsmanager,
    aws_route.private_nat,
  ]
}
