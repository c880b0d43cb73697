# ---------------------------------------------------------------------------
# Reconciliation: EventBridge Scheduler -> reconcile alias once a day, for the
# UTC day before. It compares Stripe's PaymentIntents with the ledger, corrects
# nothing, and fails the invocation on a difference; the alarm below fires on
# its ReconciliationDifferences metric, the one under it when it stops running.
# ---------------------------------------------------------------------------

variable "reconcile_schedule_expression" {
  description = "EventBridge Scheduler expression (UTC) of the daily reconciliation; after midnight, so that the day's late webhooks have landed."
  type        = string
  default     = "cron(0 3 * * ? *)"

  validation {
    condition     = can(regex("^(rate\\(\\d+ (hour|hours|day|days)\\)|cron\\(.+\\))$", var.reconcile_schedule_expression))
    error_message = "reconcile_schedule_expression must be a cron(...) or rate(...) expression of hours or days."
  }
}

resource "aws_iam_role" "reconcile_scheduler" {
  name               = "${local.prefix}-reconcile-scheduler"
  description        = "EventBridge Scheduler: invoke the reconcile alias"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "reconcile_scheduler" {
  statement {
    sid       = "InvokeReconcileAliasOnly"
    actions   = ["lambda:InvokeFunction"]
    resources = [module.function["reconcile"].alias_arn]
  }
}

resource "aws_iam_role_policy" "reconcile_scheduler" {
  name   = "invoke-reconcile"
  role   = aws_iam_role.reconcile_scheduler.id
  policy = data.aws_iam_policy_document.reconcile_scheduler.json
}

resource "aws_scheduler_schedule" "reconcile" {
  name        = "${local.prefix}-reconcile"
  group_name  = aws_scheduler_schedule_group.this.name
  description = "Compares the payment provider's PaymentIntents of the day before with the ledger (reads only)."

  schedule_expression          = var.reconcile_schedule_expression
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.function["reconcile"].alias_arn
    role_arn = aws_iam_role.reconcile_scheduler.arn
    input    = jsonencode({ scheduledTime = "<aws.scheduler.scheduled-time>" })

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 3600
    }
  }

  depends_on = [aws_iam_role_policy.reconcile_scheduler]
}

resource "aws_cloudwatch_metric_alarm" "reconciliation_differences" {
  alarm_name          = "${local.prefix}-reconciliation-differences"
  alarm_description   = "The daily reconciliation found a difference between Stripe and the ledger (a charge not recorded, a payment recorded but not charged, an amount or a currency that differs). Its report is the ERROR line 'reconciliation found' in the reconcile log group; nothing was corrected."
  namespace           = local.metrics_namespace
  metric_name         = "ReconciliationDifferences"
  statistic           = "Maximum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "reconcile_not_running" {
  alarm_name          = "${local.prefix}-reconcile-not-running"
  alarm_description   = "The reconciliation was not invoked for a day (schedule deleted, scheduler or IAM broken): differences would go unseen."
  namespace           = "AWS/Lambda"
  metric_name         = "Invocations"
  dimensions          = { FunctionName = module.function["reconcile"].function_name }
  statistic           = "Sum"
  period              = 86400
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
