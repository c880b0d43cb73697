# ---------------------------------------------------------------------------
# Alarms that fire when something stops, not only when it fails: the tick not
# running, the scheduler failing to deliver it, the database or its proxy
# saturating, Stripe payments left pending. All notify the alarm topic.
# ---------------------------------------------------------------------------

locals {
  alarm_topic = [aws_sns_topic.alarms.arn]

  # name => metric and when it breaches; "missing" is what no data means.
  operations_alarms = {
    "renewal-tick-not-running" = {
      description = "The renewal tick was not invoked for 30 minutes (schedule disabled or deleted, scheduler or IAM broken)."
      namespace   = "AWS/Lambda", metric = "Invocations", stat = "Sum", period = 1800
      dimensions  = { FunctionName = module.function["renewal-tick"].function_name }
      operator    = "LessThanThreshold", threshold = 1, missing = "breaching"
    }
    "scheduler-target-errors" = {
      description = "EventBridge Scheduler could not invoke the renewal tick (target errors)."
      namespace   = "AWS/Scheduler", metric = "TargetErrorCount", stat = "Sum", period = 300
      dimensions  = { ScheduleGroup = aws_scheduler_schedule_group.this.name }
      operator    = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
    }
    "scheduler-dropped-invocations" = {
      description = "EventBridge Scheduler dropped renewal tick invocations (retries and event age exhausted)."
      namespace   = "AWS/Scheduler", metric = "InvocationDroppedCount", stat = "Sum", period = 300
      dimensions  = { ScheduleGroup = aws_scheduler_schedule_group.this.name }
      operator    = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
    }
    "scheduler-dead-letter-failures" = {
      description = "EventBridge Scheduler could not even write a failed tick to its dead-letter queue."
      namespace   = "AWS/Scheduler", metric = "InvocationsFailedToBeSentToDeadLetterCount", stat = "Sum", period = 300
      dimensions  = { ScheduleGroup = aws_scheduler_schedule_group.this.name }
      operator    = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
    }
    "aurora-capacity" = {
      description = "Aurora Serverless v2 uses more than 90% of its maximum capacity (db_max_capacity) for 15 minutes."
      namespace   = "AWS/RDS", metric = "ACUUtilization", stat = "Average", period = 900
      dimensions  = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
      operator    = "GreaterThanThreshold", threshold = 90, missing = "notBreaching"
    }
    "aurora-cpu" = {
      description = "Aurora CPU above 80% for 15 minutes."
      namespace   = "AWS/RDS", metric = "CPUUtilization", stat = "Average", period = 900
      dimensions  = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
      operator    = "GreaterThanThreshold", threshold = 80, missing = "notBreaching"
    }
    "aurora-memory" = {
      description = "Aurora freeable memory below 256 MiB for 15 minutes (raise db_max_capacity)."
      namespace   = "AWS/RDS", metric = "FreeableMemory", stat = "Minimum", period = 900
      dimensions  = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
      operator    = "LessThanThreshold", threshold = 268435456, missing = "notBreaching"
    }
    "proxy-borrow-latency" = {
      description = "RDS Proxy takes more than 1 s on average to hand out a database connection (pool exhausted)."
      namespace   = "AWS/RDS", metric = "DatabaseConnectionsBorrowLatency", stat = "Average", period = 300
      dimensions  = { ProxyName = aws_db_proxy.this.name }
      operator    = "GreaterThanThreshold", threshold = 1000000, missing = "notBreaching" # microseconds
    }
    "proxy-pinned-sessions" = {
      description = "RDS Proxy sessions are pinned (no multiplexing): look for session state or named statements."
      namespace   = "AWS/RDS", metric = "DatabaseConnectionsCurrentlySessionPinned", stat = "Maximum", period = 300
      dimensions  = { ProxyName = aws_db_proxy.this.name }
      operator    = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
    }
    "stripe-payments-left-pending" = {
      description = "A Stripe payment was left pending (no answer, 5xx after retries, or no key configured): see the purchase, pay-past-due and renewal-tick logs for 'left pending'."
      namespace   = local.log_metrics_namespace, metric = "PaymentsLeftPending", stat = "Sum", period = 3600
      dimensions  = {}
      operator    = "GreaterThanThreshold", threshold = 0, missing = "notBreaching"
    }
  }

  log_metrics_namespace = "${var.project_name}/${var.environment}"
  # the functions that charge through Stripe and log "... left pending" when no answer settles a payment
  charging_functions = ["purchase", "pay-past-due", "renewal-tick"]
}

resource "aws_cloudwatch_log_metric_filter" "payments_left_pending" {
  for_each = toset(local.charging_functions)

  name           = "${local.prefix}-${each.key}-payments-left-pending"
  log_group_name = module.function[each.key].log_group_name
  pattern        = "\"left pending\""

  metric_transformation {
    namespace     = local.log_metrics_namespace
    name          = "PaymentsLeftPending"
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "operations" {
  for_each = local.operations_alarms

  alarm_name          = "${local.prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = each.value.stat
  period              = each.value.period
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = each.value.operator
  treat_missing_data  = each.value.missing
  alarm_actions       = local.alarm_topic
  ok_actions          = local.alarm_topic
}
