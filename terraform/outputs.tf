output "api_url" {
  description = "Base URL of the HTTP API; functions are POST <api_url>/<name>."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "payment_webhook_url" {
  description = "URL to register as the Stripe webhook endpoint."
  value       = "${trimsuffix(aws_apigatewayv2_stage.default.invoke_url, "/")}/payment-webhook"
}

output "function_names" {
  description = "Lambda function name per function."
  value       = { for k, m in module.function : k => m.function_name }
}

output "alias_arns" {
  description = "ARN of the alias (invoked by every trigger) per function."
  value       = { for k, m in module.function : k => m.alias_arn }
}

output "function_versions" {
  description = "Published version the alias points at, per function."
  value       = { for k, m in module.function : k => m.version }
}

output "artifacts_bucket" {
  description = "S3 bucket holding the function zips."
  value       = aws_s3_bucket.artifacts.id
}

output "db_proxy_endpoint" {
  description = "RDS Proxy endpoint the functions connect to."
  value       = aws_db_proxy.this.endpoint
}

output "db_cluster_endpoint" {
  description = "Aurora writer endpoint (reachable only from the proxy security group)."
  value       = aws_rds_cluster.this.endpoint
}

output "secret_arns" {
  description = "Secrets Manager secrets; stripe and webhook must be filled in after the first apply (README)."
  value = {
    db          = aws_secretsmanager_secret.db.arn
    db_app      = aws_secretsmanager_secret.db_login["app"].arn
    db_migrator = aws_secretsmanager_secret.db_login["migrator"].arn
    stripe      = aws_secretsmanager_secret.stripe.arn
    webhook     = aws_secretsmanager_secret.webhook.arn
  }
}

output "renewal_tick_dlq_url" {
  description = "Dead-letter queue of the renewal tick schedule."
  value       = aws_sqs_queue.tick_dlq.url
}

output "alarm_topic_arn" {
  description = "SNS topic notified by every alarm."
  value       = aws_sns_topic.alarms.arn
}

output "migrate_command" {
  description = "Command that runs the database migrations through the migrate alias."
  value       = "aws lambda invoke --region ${var.aws_region} --function-name ${module.function["migrate"].function_name} --qualifier ${var.alias_name} --cli-binary-format raw-in-base64-out --payload '{\"action\":\"migrate\"}' migrate-result.json"
}
