# ---------------------------------------------------------------------------
# API Gateway HTTP API: one route POST /<name> per HTTP function, Lambda proxy
# integration (payload 2.0) on the function's alias, JWT authorizer on every
# route except payment-webhook (authenticated by the Stripe signature).
# ---------------------------------------------------------------------------

resource "aws_apigatewayv2_api" "this" {
  name          = "${local.prefix}-api"
  description   = "Add-on billing functions (${var.environment})"
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = length(var.cors_allow_origins) > 0 ? [1] : []
    content {
      allow_origins = var.cors_allow_origins
      allow_methods = ["POST", "OPTIONS"]
      allow_headers = ["authorization", "content-type"]
      max_age       = 3600
    }
  }
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }
}

resource "aws_apigatewayv2_integration" "function" {
  for_each = local.http_functions

  api_id                 = aws_apigatewayv2_api.this.id
  description            = "${each.key} (alias ${var.alias_name})"
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = module.function[each.key].alias_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "function" {
  for_each = local.http_functions

  api_id    = aws_apigatewayv2_api.this.id
  route_key = "POST /${each.key}"
  target    = "integrations/${aws_apigatewayv2_integration.function[each.key].id}"

  authorization_type = each.value.jwt ? "JWT" : "NONE"
  authorizer_id      = each.value.jwt ? aws_apigatewayv2_authorizer.jwt.id : null
}

resource "aws_lambda_permission" "api" {
  for_each = local.http_functions

  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = module.function[each.key].function_name
  qualifier     = module.function[each.key].alias_name
  # Only this API, only its own route.
  source_arn = "${aws_apigatewayv2_api.this.execution_arn}/*/POST/${each.key}"
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.prefix}-api"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit   = var.api_throttling_burst_limit
    throttling_rate_limit    = var.api_throttling_rate_limit
    detailed_metrics_enabled = true
  }

  # The unauthenticated route has limits of its own (and the function a concurrency cap,
  # function_reserved_concurrency): a flood of forged webhooks cannot use up the API's or the account's capacity.
  route_settings {
    route_key                = "POST /payment-webhook"
    throttling_burst_limit   = var.webhook_throttling_burst_limit
    throttling_rate_limit    = var.webhook_throttling_rate_limit
    detailed_metrics_enabled = true
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      ip                 = "$context.identity.sourceIp"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
      authorizerError    = "$context.authorizer.error"
      sub                = "$context.authorizer.claims.sub"
      userAgent          = "$context.identity.userAgent"
    })
  }

  # The routes must exist before the first automatic deployment.
  depends_on = [aws_apigatewayv2_route.function]
}
