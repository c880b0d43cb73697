# ---------------------------------------------------------------------------
# The tick's own failures. EventBridge Scheduler invokes the tick
# asynchronously: its retry policy and DLQ (scheduler.tf) cover only the
# delivery. A tick that fails while running is retried by Lambda (the tick is
# idempotent), and once its retries or its maximum age are exhausted its event
# goes to the same dead-letter queue, whose alarm (monitoring.tf) fires.
# ---------------------------------------------------------------------------

resource "aws_lambda_function_event_invoke_config" "renewal_tick" {
  function_name = module.function["renewal-tick"].function_name
  qualifier     = module.function["renewal-tick"].alias_name

  maximum_event_age_in_seconds = min(var.tick_max_event_age_seconds, 21600) # Lambda's upper bound
  maximum_retry_attempts       = var.tick_function_retry_attempts

  destination_config {
    on_failure {
      destination = aws_sqs_queue.tick_dlq.arn
    }
  }

  depends_on = [aws_iam_role_policy.tick_on_failure]
}

# Lambda sends the failure record with the function's own execution role
# (named after the function, modules/function).
data "aws_iam_policy_document" "tick_on_failure" {
  statement {
    sid       = "OnFailureDestination"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.tick_dlq.arn]
  }
}

resource "aws_iam_role_policy" "tick_on_failure" {
  name   = "on-failure-to-dlq"
  role   = module.function["renewal-tick"].function_name
  policy = data.aws_iam_policy_document.tick_on_failure.json
}
