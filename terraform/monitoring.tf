# ---------------------------------------------------------------------------
# Alarms. Per function (modules/function): Errors, Throttles, Duration p99
# near timeout. Here: renewal-tick DLQ depth and API 5xx. All notify one SNS topic.
# ---------------------------------------------------------------------------

resource "aws_sns_topic" "alarms" {
  name = "${local.prefix}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count = var.alarm_email == null ? 0 : 1

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "tick_dlq" {
  alarm_name          = "${local.prefix}-renewal-tick-dlq-not-empty"
  alarm_description   = "A renewal tick event could not be delivered after all retries (see the ${aws_sqs_queue.tick_dlq.name} queue)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.tick_dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name        = "${local.prefix}-api-5xx"
  alarm_description = "The HTTP API answered 5xx (function errors, timeouts or database unavailable): at least ${var.api_5xx_alarm_threshold} and ${var.api_5xx_alarm_rate_percent}% of the requests in 2 of 3 five-minute periods, so one caller's failing retries alone do not trip it."

  dynamic "metric_query" {
    for_each = { errors = "5xx", requests = "Count" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/ApiGateway"
        metric_name = metric_query.value
        dimensions  = { ApiId = aws_apigatewayv2_api.this.id, Stage = aws_apigatewayv2_stage.default.name }
        stat        = "Sum"
        period      = 300
      }
    }
  }
  metric_query {
    id          = "breaching"
    expression  = "IF(errors >= ${var.api_5xx_alarm_threshold} AND 100 * errors / requests >= ${var.api_5xx_alarm_rate_percent}, 1, 0)"
    label       = "5xx above count and rate"
    return_data = true
  }

  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
