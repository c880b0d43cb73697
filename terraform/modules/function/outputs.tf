output "function_name" {
  description = "Lambda function name."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified Lambda function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "Latest published version (the alias target)."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "Alias name."
  value       = aws_lambda_alias.this.name
}

output "alias_arn" {
  description = "ARN of the alias (what triggers invoke)."
  value       = aws_lambda_alias.this.arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the alias, for API Gateway integrations."
  value       = aws_lambda_alias.this.invoke_arn
}

output "role_arn" {
  description = "Execution role ARN."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "Log group name."
  value       = aws_cloudwatch_log_group.this.name
}
