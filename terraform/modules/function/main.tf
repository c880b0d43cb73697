# One Quarkus function on AWS Lambda: code in S3, SnapStart on a published
# version behind an alias, its own log group, least-privilege role and alarms.

locals {
  zip_exists = fileexists(var.zip_path)
}

# ---------------------------------------------------------------------------
# Logs
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
}

# ---------------------------------------------------------------------------
# IAM: this function's own role, nothing shared
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.function_name
  description        = "Execution role of the ${var.function_name} Lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "permissions" {
  # Its own log group only (the group is created above, so no CreateLogGroup).
  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  # Equivalent of AWSLambdaVPCAccessExecutionRole without its logs:* on "*".
  # These EC2 actions do not support resource-level restrictions.
  statement {
    sid = "VpcNetworkInterfaces"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  # Only the secrets this function needs.
  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [1] : []
    content {
      sid       = "OwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = values(var.secret_arns)
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.permissions.json
}

# ---------------------------------------------------------------------------
# Code
# ---------------------------------------------------------------------------

resource "aws_s3_object" "zip" {
  bucket      = var.artifacts_bucket
  key         = "functions/${var.name}/function.zip"
  source      = var.zip_path
  source_hash = local.zip_exists ? filemd5(var.zip_path) : null

  lifecycle {
    precondition {
      condition     = local.zip_exists
      error_message = "Function zip ${var.zip_path} does not exist. Build it first (./mvnw package) or point artifacts_dir at the folder holding <name>/target/function.zip."
    }
  }
}

# ---------------------------------------------------------------------------
# Function, published version and alias
# ---------------------------------------------------------------------------

resource "aws_lambda_function" "this" {
  function_name = var.function_name
  description   = var.description
  role          = aws_iam_role.this.arn

  s3_bucket         = aws_s3_object.zip.bucket
  s3_key            = aws_s3_object.zip.key
  s3_object_version = aws_s3_object.zip.version_id
  source_code_hash  = local.zip_exists ? filebase64sha256(var.zip_path) : null

  handler       = var.handler
  runtime       = var.runtime
  architectures = [var.architecture]
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds

  reserved_concurrent_executions = var.reserved_concurrency
  layers                         = var.layers

  # SnapStart snapshots published versions; the alias always points at the latest one.
  publish = true
  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = merge(var.environment, var.secret_arns)
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    # the application writes one JSON object per line (quarkus-logging-json)
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  # The role must be able to create ENIs and write logs before the function
  # (and its SnapStart snapshot) is created.
  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "this" {
  name             = var.alias_name
  description      = "Latest published (SnapStart) version of ${var.function_name}"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

# ---------------------------------------------------------------------------
# Alarms
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "${var.function_name}-errors"
  alarm_description   = "${var.function_name}: invocations ended in an error (unhandled exception, timeout or crash)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = "${var.function_name}-throttles"
  alarm_description   = "${var.function_name}: invocations were throttled."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  alarm_name          = "${var.function_name}-duration-near-timeout"
  alarm_description   = "${var.function_name}: p99 duration above ${floor(var.duration_alarm_ratio * 100)}% of the ${var.timeout_seconds} s timeout."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 1
  threshold           = floor(var.timeout_seconds * 1000 * var.duration_alarm_ratio)
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}
