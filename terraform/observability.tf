# ---------------------------------------------------------------------------
# Business signals. The functions write their metrics as CloudWatch Embedded
# Metric Format lines (billing-app BusinessMetrics; the outbox relay its own
# OutboxOldestUnpublishedSeconds): CloudWatch Logs turns them into metrics of
# namespace AddonBilling, graphed here and alarmed on where customers would
# notice first. The alarms notify the topic of monitoring.tf.
# ---------------------------------------------------------------------------

locals {
  metrics_namespace = "AddonBilling"

  # Renewals across currencies (the dimensionless set of each EMF line).
  renewal_counts = {
    charged = "RenewalsCharged"
    failed  = "RenewalsFailed"
    ended   = "RenewalsEnded"
  }

  dashboard_widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title   = "Purchases by outcome (per 5 min)"
        region  = var.aws_region
        stat    = "Sum"
        period  = 300
        metrics = [[{ expression = "SEARCH('{${local.metrics_namespace},Outcome} MetricName=\"Purchases\"', 'Sum', 300)", id = "purchases", label = "" }]]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title  = "Renewals: charged, failed, ended (per hour)"
        region = var.aws_region
        stat   = "Sum"
        period = 3600
        metrics = concat(
          [for id, name in local.renewal_counts : [local.metrics_namespace, name, { id = id, label = name }]],
          [[{ expression = "IF(charged + failed > 0, 100 * failed / (charged + failed), 0)", id = "ratio", label = "failed %", yAxis = "right" }]],
        )
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 12, height = 6
      properties = {
        title  = "Renewal amounts per currency, minor units (per hour)"
        region = var.aws_region
        stat   = "Sum"
        period = 3600
        metrics = [
          for id, name in { charged = "RenewalsChargedAmount", failed = "RenewalsFailedAmount", ended = "RenewalsEndedAmount" } :
          [{ expression = "SEARCH('{${local.metrics_namespace},Currency} MetricName=\"${name}\"', 'Sum', 3600)", id = id, label = "" }]
        ]
      }
    },
    {
      type = "metric", x = 12, y = 6, width = 12, height = 6
      properties = {
        title  = "Webhook events by type and outcome; signature failures (per 5 min)"
        region = var.aws_region
        stat   = "Sum"
        period = 300
        metrics = [
          [{ expression = "SEARCH('{${local.metrics_namespace},EventType,Outcome} MetricName=\"WebhookEvents\"', 'Sum', 300)", id = "events", label = "" }],
          [local.metrics_namespace, "WebhookSignatureFailures", { id = "signature", label = "signature failures", color = "#d62728" }],
        ]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 12, height = 6
      properties = {
        title  = "Renewal tick: duration (ms) and more (1 = stopped on its budget)"
        region = var.aws_region
        period = 900
        metrics = [
          [local.metrics_namespace, "TickDuration", { stat = "Maximum", label = "duration max" }],
          [local.metrics_namespace, "TickMore", { stat = "Maximum", label = "more", yAxis = "right" }],
          [local.metrics_namespace, "TickAccountsRenewed", { stat = "Sum", label = "accounts renewed", yAxis = "right" }],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 12, width = 12, height = 6
      properties = {
        title  = "Outbox: oldest unpublished event (s)"
        region = var.aws_region
        period = 300
        # whatever dimensions the relay files it under
        metrics = [[{ expression = "SEARCH('Namespace=\"${local.metrics_namespace}\" MetricName=\"OutboxOldestUnpublishedSeconds\"', 'Maximum', 300)", id = "outbox", label = "" }]]
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "business" {
  dashboard_name = "${local.prefix}-business"
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })
}

resource "aws_cloudwatch_metric_alarm" "renewal_failure_ratio" {
  alarm_name          = "${local.prefix}-renewal-failure-ratio"
  alarm_description   = "More than ${var.renewal_failure_ratio_threshold * 100}% of the renewal charges of the last hour were refused (at least ${var.renewal_failure_alarm_min_charges} charges): a provider or card-data problem, not single declines."
  evaluation_periods  = 1
  threshold           = var.renewal_failure_ratio_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "ratio"
    label       = "share of renewal charges refused"
    expression  = "IF(charged + failed >= ${var.renewal_failure_alarm_min_charges}, failed / (charged + failed), 0)"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = { charged = "RenewalsCharged", failed = "RenewalsFailed" }
    content {
      id = metric_query.key
      metric {
        namespace   = local.metrics_namespace
        metric_name = metric_query.value
        stat        = "Sum"
        period      = 3600
      }
    }
  }
}

# Alarms on one AddonBilling metric each.
locals {
  business_alarms = {
    "webhook-signature-failures" = {
      description = "At least ${var.webhook_signature_failures_threshold} payment-webhook requests in 5 minutes had no valid Stripe signature: a rotated or wrong signing secret (Stripe's events are not applied), or someone forging events."
      metric      = "WebhookSignatureFailures"
      statistic   = "Sum"
      period      = 300
      periods     = 1
      threshold   = var.webhook_signature_failures_threshold
    }
    "renewal-tick-keeps-answering-more" = {
      description = "Every renewal tick of the last ${var.tick_more_alarm_periods} periods of 15 minutes (the tick's schedule) stopped on its time budget with work left (more = true): renewals are falling behind; raise the tick's timeout or memory, or look for slow batches."
      metric      = "TickMore"
      statistic   = "Minimum"
      period      = 900
      periods     = var.tick_more_alarm_periods
      threshold   = 1
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "business" {
  for_each = local.business_alarms

  alarm_name          = "${local.prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = local.metrics_namespace
  metric_name         = each.value.metric
  statistic           = each.value.statistic
  period              = each.value.period
  evaluation_periods  = each.value.periods
  datapoints_to_alarm = each.value.periods
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

variable "renewal_failure_ratio_threshold" {
  description = "The renewal failure alarm fires when more than this share (0..1) of the last hour's renewal charges were refused."
  type        = number
  default     = 0.2

  validation {
    condition     = var.renewal_failure_ratio_threshold > 0 && var.renewal_failure_ratio_threshold < 1
    error_message = "renewal_failure_ratio_threshold must be strictly between 0 and 1."
  }
}

variable "renewal_failure_alarm_min_charges" {
  description = "The renewal failure ratio is only alarmed on when the hour saw at least this many renewal charges."
  type        = number
  default     = 10
}

variable "webhook_signature_failures_threshold" {
  description = "The webhook signature alarm fires on at least this many refused signatures in 5 minutes."
  type        = number
  default     = 10
}

variable "tick_more_alarm_periods" {
  description = "The tick alarm fires when the ticks of this many consecutive 15-minute periods all answered more = true."
  type        = number
  default     = 4
}
