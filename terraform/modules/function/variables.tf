variable "name" {
  description = "Short function name (the Maven module name, e.g. quote)."
  type        = string
}

variable "function_name" {
  description = "Full Lambda function name (also used for the IAM role and the log group)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9-_]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 letters, digits, '-' or '_'."
  }
}

variable "description" {
  description = "Lambda description."
  type        = string
  default     = ""
}

variable "artifacts_bucket" {
  description = "S3 bucket the function zip is uploaded to."
  type        = string
}

variable "zip_path" {
  description = "Local path of the function zip (functions/<name>/target/function.zip)."
  type        = string
}

variable "handler" {
  description = "Lambda handler."
  type        = string
  default     = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "java21"
}

variable "architecture" {
  description = "x86_64 or arm64."
  type        = string
}

variable "memory_mb" {
  description = "Memory size (MB)."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout (seconds)."
  type        = number
}

variable "reserved_concurrency" {
  description = "Reserved concurrent executions (-1 = unreserved)."
  type        = number
  default     = -1
}

variable "alias_name" {
  description = "Alias pointing at the latest published version; triggers invoke it."
  type        = string
}

variable "environment" {
  description = "Plain environment variables (no secret values)."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "Environment variable name -> Secrets Manager secret ARN. Each is added to the environment and is the only secret the function may read (secretsmanager:GetSecretValue)."
  type        = map(string)
  default     = {}
}

variable "subnet_ids" {
  description = "Private subnets of the function's ENIs."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the function's ENIs."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Retention of the function's log group."
  type        = number
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or recovers."
  type        = list(string)
  default     = []
}

variable "duration_alarm_ratio" {
  description = "Duration alarm threshold as a fraction of the timeout (p99)."
  type        = number
  default     = 0.8
}

variable "layers" {
  description = "Lambda layer ARNs (none today: the functions read their secrets with the AWS SDK, not a layer)."
  type        = list(string)
  default     = []
}
