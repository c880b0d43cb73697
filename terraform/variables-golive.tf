# ---------------------------------------------------------------------------
# Go-live settings (issue 18): database logins, proxy, tick failures, webhook
# route limits, version pruning, alarms.
# ---------------------------------------------------------------------------

variable "db_login_password_version" {
  description = "Increment to generate new passwords for the billing_app and billing_migrator logins (written to their secrets; the migrate function sets them in PostgreSQL, so run it right after)."
  type        = number
  default     = 1

  validation {
    condition     = var.db_login_password_version >= 1 && floor(var.db_login_password_version) == var.db_login_password_version
    error_message = "db_login_password_version must be a whole number >= 1."
  }
}

variable "db_proxy_borrow_timeout_seconds" {
  description = "How long RDS Proxy waits for a free database connection before refusing a client. Must stay below every function's timeout (checked in guards.tf)."
  type        = number
  default     = 10

  validation {
    condition     = var.db_proxy_borrow_timeout_seconds >= 1 && var.db_proxy_borrow_timeout_seconds <= 3600 && floor(var.db_proxy_borrow_timeout_seconds) == var.db_proxy_borrow_timeout_seconds
    error_message = "db_proxy_borrow_timeout_seconds must be a whole number between 1 and 3600."
  }
}

variable "tick_function_retry_attempts" {
  description = "Retries by Lambda of a renewal tick that failed while running (0-2); after them its event goes to the tick's dead-letter queue."
  type        = number
  default     = 2

  validation {
    condition     = contains([0, 1, 2], var.tick_function_retry_attempts)
    error_message = "tick_function_retry_attempts must be 0, 1 or 2."
  }
}

variable "webhook_throttling_burst_limit" {
  description = "Burst limit of the unauthenticated POST /payment-webhook route, below the API's default."
  type        = number
  default     = 50

  validation {
    condition     = var.webhook_throttling_burst_limit >= 1 && floor(var.webhook_throttling_burst_limit) == var.webhook_throttling_burst_limit
    error_message = "webhook_throttling_burst_limit must be a whole number >= 1."
  }
}

variable "webhook_throttling_rate_limit" {
  description = "Steady-state rate limit (requests per second) of the unauthenticated POST /payment-webhook route."
  type        = number
  default     = 25

  validation {
    condition     = var.webhook_throttling_rate_limit >= 1
    error_message = "webhook_throttling_rate_limit must be >= 1."
  }
}

variable "lambda_versions_to_keep" {
  description = "Published versions kept per function after each deployment (the alias's version is always kept); older ones are deleted by versions-prune.tf. 0 = never prune."
  type        = number
  default     = 3

  validation {
    condition     = var.lambda_versions_to_keep == 0 || (var.lambda_versions_to_keep >= 2 && floor(var.lambda_versions_to_keep) == var.lambda_versions_to_keep)
    error_message = "lambda_versions_to_keep must be 0 (no pruning) or a whole number >= 2."
  }
}

variable "api_5xx_alarm_rate_percent" {
  description = "The API 5xx alarm also needs 5xx answers to be at least this percentage of all requests (with api_5xx_alarm_threshold of them, in 2 of 3 five-minute periods)."
  type        = number
  default     = 5

  validation {
    condition     = var.api_5xx_alarm_rate_percent > 0 && var.api_5xx_alarm_rate_percent <= 100
    error_message = "api_5xx_alarm_rate_percent must be in (0, 100]."
  }
}
