# ---------------------------------------------------------------------------
# Renewal tick: EventBridge Scheduler -> renewal-tick alias, every 15 minutes,
# with retries and an SQS dead-letter queue for events that still fail.
# ---------------------------------------------------------------------------

resource "aws_sqs_queue" "tick_dlq" {
  name                      = "${local.prefix}-renewal-tick-dlq"
  message_retention_seconds = 1209600 # 14 days
  sqs_managed_sse_enabled   = true
}

resource "aws_scheduler_schedule_group" "this" {
  name = local.prefix
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    # Confused-deputy protection: only schedules of our own group may assume it.
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["${replace(aws_scheduler_schedule_group.this.arn, ":schedule-group/", ":schedule/")}/*"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${local.prefix}-scheduler"
  description        = "EventBridge Scheduler: invoke the renewal-tick alias, write to its DLQ"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeTickAliasOnly"
    actions   = ["lambda:InvokeFunction"]
    resources = [module.function["renewal-tick"].alias_arn]
  }

  statement {
    sid       = "DeadLetterQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.tick_dlq.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-renewal-tick"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

resource "aws_scheduler_schedule" "renewal_tick" {
  name        = "${local.prefix}-renewal-tick"
  group_name  = aws_scheduler_schedule_group.this.name
  description = "Renews every account whose billing cycle has ended (idempotent; overlapping ticks are safe)."
  state       = var.tick_schedule_enabled ? "ENABLED" : "DISABLED"

  schedule_expression          = var.tick_schedule_expression
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = module.function["renewal-tick"].alias_arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ scheduledTime = "<aws.scheduler.scheduled-time>" })

    retry_policy {
      maximum_retry_attempts       = var.tick_retry_attempts
      maximum_event_age_in_seconds = var.tick_max_event_age_seconds
    }

    dead_letter_config {
      arn = aws_sqs_queue.tick_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.scheduler]
}
