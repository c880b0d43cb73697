# ---------------------------------------------------------------------------
# Events out (docs/events.md): the billing bus, its 30-day archive, the relay
# that publishes the outbox to it (EventBridge Scheduler -> event-relay alias
# every minute; each invocation polls for ~55 s), the "events are late" alarm,
# and one example rule delivering every event to the platform over HTTPS
# through an API destination, with an SQS dead-letter queue.
# ---------------------------------------------------------------------------

variable "events_archive_retention_days" {
  description = "Days the bus's archive keeps every event (replay comes from it); the outbox keeps published rows as long."
  type        = number
  default     = 30
}

variable "events_relay_schedule_enabled" {
  description = "Whether the relay's schedule is enabled (disable to stop publishing; nothing is lost, the outbox keeps it)."
  type        = bool
  default     = true
}

variable "events_late_alarm_seconds" {
  description = "Alarm when the oldest unpublished event is older than this."
  type        = number
  default     = 300
}

variable "platform_events_url" {
  description = "The platform's HTTPS endpoint that receives billing events (the example rule's API destination)."
  type        = string
  default     = "https://platform.example.com/billing-events"

  validation {
    condition     = startswith(var.platform_events_url, "https://")
    error_message = "platform_events_url must be an https:// URL."
  }
}

variable "platform_events_api_key_header" {
  description = "Header carrying the API key the platform's endpoint expects."
  type        = string
  default     = "x-api-key"
}

variable "platform_events_api_key" {
  description = "Initial API key value. Terraform ignores later changes: set the real key out of band (aws events update-connection) so it never lands in the state."
  type        = string
  default     = "set-after-apply"
  sensitive   = true
}

variable "platform_events_rate_per_second" {
  description = "Most deliveries per second EventBridge makes to the platform's endpoint."
  type        = number
  default     = 20
}

locals {
  events_source = "addon-billing" # billing.events.source in functions/event-relay
  # environment added to one function's (functions.tf)
  function_environment = {
    "event-relay" = { EVENT_BUS_NAME = aws_cloudwatch_event_bus.billing.name }
  }
}

resource "aws_cloudwatch_event_bus" "billing" {
  name = "${local.prefix}-billing"
}

resource "aws_cloudwatch_event_archive" "billing" {
  name             = "${substr(local.prefix, 0, 36)}-billing"
  description      = "Every billing event, kept ${var.events_archive_retention_days} days for replay (docs/events.md)"
  event_source_arn = aws_cloudwatch_event_bus.billing.arn
  retention_days   = var.events_archive_retention_days
}

# ---------------------------------------------------------------------------
# The relay: events:PutEvents on this bus only (its role is the function module's)
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "event_relay" {
  statement {
    sid       = "PutEventsOnTheBillingBusOnly"
    actions   = ["events:PutEvents"]
    resources = [aws_cloudwatch_event_bus.billing.arn]
  }
}

resource "aws_iam_role_policy" "event_relay" {
  name   = "put-events-on-the-billing-bus"
  role   = reverse(split("/", module.function["event-relay"].role_arn))[0]
  policy = data.aws_iam_policy_document.event_relay.json
}

# Scheduler -> relay, every minute. A missed or failed invocation loses nothing (the next one publishes what
# is waiting), so no retry; the age alarm below says when publishing stops.
resource "aws_iam_role" "event_relay_scheduler" {
  name               = "${local.prefix}-event-relay-scheduler"
  description        = "EventBridge Scheduler: invoke the event-relay alias"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "event_relay_scheduler" {
  statement {
    sid       = "InvokeRelayAliasOnly"
    actions   = ["lambda:InvokeFunction"]
    resources = [module.function["event-relay"].alias_arn]
  }
}

resource "aws_iam_role_policy" "event_relay_scheduler" {
  name   = "invoke-event-relay"
  role   = aws_iam_role.event_relay_scheduler.id
  policy = data.aws_iam_policy_document.event_relay_scheduler.json
}

resource "aws_scheduler_schedule" "event_relay" {
  name        = "${local.prefix}-event-relay"
  group_name  = aws_scheduler_schedule_group.this.name
  description = "Publishes the outbox to the billing bus; each invocation polls for ~55 s (docs/events.md)."
  state       = var.events_relay_schedule_enabled ? "ENABLED" : "DISABLED"

  schedule_expression          = "rate(1 minute)"
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.function["event-relay"].alias_arn
    role_arn = aws_iam_role.event_relay_scheduler.arn
    input    = jsonencode({ scheduledTime = "<aws.scheduler.scheduled-time>" })

    retry_policy {
      maximum_retry_attempts       = 0
      maximum_event_age_in_seconds = 60
    }
  }

  depends_on = [aws_iam_role_policy.event_relay_scheduler]
}

# The relay writes OutboxOldestUnpublishedSeconds (EMF log line) at the end of every invocation. Missing data
# is breaching: a relay that no longer runs is as late as one that cannot publish.
resource "aws_cloudwatch_metric_alarm" "events_late" {
  alarm_name          = "${local.prefix}-events-late"
  alarm_description   = "The oldest unpublished billing event is older than ${var.events_late_alarm_seconds} s, or the relay does not run (docs/events.md, \"When events are late\")."
  namespace           = "AddonBilling"
  metric_name         = "OutboxOldestUnpublishedSeconds"
  dimensions          = { Function = module.function["event-relay"].function_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.events_late_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

# ---------------------------------------------------------------------------
# Example consumer: every event to the platform's HTTPS endpoint (API destination), the envelope as body.
# EventBridge retries for 24 h; what it still cannot deliver goes to the dead-letter queue.
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_event_connection" "platform" {
  name               = "${local.prefix}-platform"
  description        = "API key for the platform's billing-events endpoint"
  authorization_type = "API_KEY"

  auth_parameters {
    api_key {
      key   = var.platform_events_api_key_header
      value = var.platform_events_api_key
    }
  }

  lifecycle {
    ignore_changes = [auth_parameters[0].api_key[0].value]
  }
}

resource "aws_cloudwatch_event_api_destination" "platform" {
  name                             = "${local.prefix}-platform"
  description                      = "The platform's billing-events endpoint"
  invocation_endpoint              = var.platform_events_url
  http_method                      = "POST"
  invocation_rate_limit_per_second = var.platform_events_rate_per_second
  connection_arn                   = aws_cloudwatch_event_connection.platform.arn
}

resource "aws_cloudwatch_event_rule" "to_platform" {
  name           = "${local.prefix}-billing-to-platform"
  description    = "Every billing event to the platform's HTTPS endpoint (example rule)"
  event_bus_name = aws_cloudwatch_event_bus.billing.name
  event_pattern  = jsonencode({ source = [local.events_source] })
}

resource "aws_sqs_queue" "events_dlq" {
  name                      = "${local.prefix}-billing-events-dlq"
  message_retention_seconds = 1209600 # 14 days
  sqs_managed_sse_enabled   = true
}

data "aws_iam_policy_document" "events_dlq" {
  statement {
    sid       = "FromTheBillingRuleOnly"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.events_dlq.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.to_platform.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "events_dlq" {
  queue_url = aws_sqs_queue.events_dlq.id
  policy    = data.aws_iam_policy_document.events_dlq.json
}

data "aws_iam_policy_document" "events_invoke_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.to_platform.arn]
    }
  }
}

resource "aws_iam_role" "events_to_platform" {
  name               = "${local.prefix}-events-to-platform"
  description        = "EventBridge: deliver the billing rule's events to the platform's API destination"
  assume_role_policy = data.aws_iam_policy_document.events_invoke_assume.json
}

data "aws_iam_policy_document" "events_to_platform" {
  statement {
    sid       = "InvokeThePlatformDestinationOnly"
    actions   = ["events:InvokeApiDestination"]
    resources = [aws_cloudwatch_event_api_destination.platform.arn]
  }
}

resource "aws_iam_role_policy" "events_to_platform" {
  name   = "invoke-platform-destination"
  role   = aws_iam_role.events_to_platform.id
  policy = data.aws_iam_policy_document.events_to_platform.json
}

resource "aws_cloudwatch_event_target" "platform" {
  rule           = aws_cloudwatch_event_rule.to_platform.name
  event_bus_name = aws_cloudwatch_event_bus.billing.name
  target_id      = "platform"
  arn            = aws_cloudwatch_event_api_destination.platform.arn
  role_arn       = aws_iam_role.events_to_platform.arn
  input_path     = "$.detail" # the envelope itself: {id, type, accountId, sequence, occurredAt, data}

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.events_dlq.arn
  }
}

resource "aws_cloudwatch_metric_alarm" "events_dlq" {
  alarm_name          = "${local.prefix}-billing-events-dlq-not-empty"
  alarm_description   = "EventBridge could not deliver billing events to the platform after 24 h of retries (see the ${aws_sqs_queue.events_dlq.name} queue; docs/events.md, \"Replay\")."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.events_dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

output "event_bus" {
  description = "The billing events bus (name and ARN) and its archive, for consumers' rules and replays."
  value = {
    name    = aws_cloudwatch_event_bus.billing.name
    arn     = aws_cloudwatch_event_bus.billing.arn
    archive = aws_cloudwatch_event_archive.billing.name
  }
}
