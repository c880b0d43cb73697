# ---------------------------------------------------------------------------
# General
# ---------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region to deploy into (e.g. eu-west-1)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like an AWS region code, e.g. eu-west-1."
  }
}

variable "offline_plan" {
  description = "Set to true ONLY for the offline CI plan (dummy credentials, no network): skips the provider's STS/metadata/credential checks. Leave false for real deployments."
  type        = bool
  default     = false
}

variable "project_name" {
  description = "Short project name, used as the first part of every resource name."
  type        = string
  default     = "addon-billing"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,13}[a-z0-9]$", var.project_name))
    error_message = "project_name must be 3-15 characters: lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name (e.g. dev, staging, prod). Second part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lowercase letters/digits, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags applied to every resource (Project, Environment and ManagedBy are always set)."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC. Split into one private and one public subnet per availability zone (newbits 4)."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition = (
      can(cidrhost(var.vpc_cidr, 0)) &&
      tonumber(split("/", var.vpc_cidr)[1]) >= 16 &&
      tonumber(split("/", var.vpc_cidr)[1]) <= 24
    )
    error_message = "vpc_cidr must be a valid IPv4 CIDR with a prefix length between /16 and /24."
  }
}

variable "availability_zones" {
  description = "Availability zones (at least 2, at most 8) of aws_region for the private (Lambda, RDS Proxy, Aurora) and public (NAT) subnets. Given explicitly so that plan needs no network lookup."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2 && length(var.availability_zones) <= 8 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "availability_zones must list 2 to 8 distinct zones."
  }

  validation {
    condition     = alltrue([for az in var.availability_zones : startswith(az, var.aws_region) && can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9][a-z]$", az))])
    error_message = "Every availability zone must belong to aws_region (e.g. eu-west-1a for eu-west-1)."
  }
}

variable "one_nat_gateway_per_az" {
  description = "true: one NAT gateway per availability zone (resilient, costs more). false: a single NAT gateway shared by all private subnets."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------

variable "artifacts_dir" {
  description = "Directory holding the function modules; each function's zip is read from <artifacts_dir>/<name>/target/function.zip (built by ./mvnw package). Relative paths are relative to this terraform directory."
  type        = string
  default     = "../functions"

  validation {
    condition     = length(trimspace(var.artifacts_dir)) > 0
    error_message = "artifacts_dir must not be empty."
  }
}

variable "lambda_architecture" {
  description = "Instruction set of every Lambda: x86_64 (default) or arm64 (Graviton, ~20% cheaper per GB-second; the JVM zips are architecture-neutral and SnapStart supports both)."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be x86_64 or arm64."
  }
}

variable "alias_name" {
  description = "Name of the Lambda alias that every trigger (API Gateway, scheduler, migration) invokes. It always points at the latest published (SnapStart) version."
  type        = string
  default     = "live"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,127}$", var.alias_name)) && !can(regex("^[0-9]+$", var.alias_name))
    error_message = "alias_name must start with a letter and contain only letters, digits, '-' and '_'."
  }
}

variable "function_memory_mb" {
  description = "Memory (MB) per function, overriding the defaults in functions.tf (1024 MB for HTTP functions, 1536 for renewal-tick, 1024 for migrate). Keys are function names."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.function_memory_mb : contains(["account-sync", "quote", "purchase", "billing-details", "invoices", "pay-past-due", "entitlements", "cancel", "subaccount-create", "subaccount-delete", "subaccounts", "payment-webhook", "renewal-tick", "reconcile", "migrate"], k)])
    error_message = "function_memory_mb keys must be function names (account-sync, quote, purchase, billing-details, invoices, pay-past-due, entitlements, cancel, subaccount-create, subaccount-delete, subaccounts, payment-webhook, renewal-tick, reconcile, migrate)."
  }

  validation {
    condition     = alltrue([for v in values(var.function_memory_mb) : v >= 512 && v <= 10240 && floor(v) == v])
    error_message = "function_memory_mb values must be whole numbers between 512 and 10240 (Quarkus on the JVM needs at least 512 MB)."
  }
}

variable "function_timeout_seconds" {
  description = "Timeout (seconds) per function, overriding the defaults in functions.tf (20 s for HTTP functions, 300 s for renewal-tick, 600 s for reconcile and migrate). HTTP functions must stay below API Gateway's 30 s integration limit."
  type        = map(number)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.function_timeout_seconds : contains(["account-sync", "quote", "purchase", "billing-details", "invoices", "pay-past-due", "entitlements", "cancel", "subaccount-create", "subaccount-delete", "subaccounts", "payment-webhook", "renewal-tick", "reconcile", "migrate"], k)])
    error_message = "function_timeout_seconds keys must be function names."
  }

  validation {
    condition     = alltrue([for k, v in var.function_timeout_seconds : v >= 3 && v <= 900 && floor(v) == v && (contains(["renewal-tick", "reconcile", "migrate"], k) || v <= 29)])
    error_message = "Timeouts must be whole seconds between 3 and 900; HTTP functions at most 29 (API Gateway's limit is 30 s)."
  }
}

variable "function_reserved_concurrency" {
  description = "Reserved concurrency per function (-1 = unreserved). renewal-tick defaults to 2 (overlapping ticks are safe but pointless), migrate to 1, payment-webhook (unauthenticated) to 10. Note: reserving concurrency requires enough unreserved account concurrency (new accounts may have a quota of 10)."
  type        = map(number)
  default = {
    "renewal-tick"    = 2
    "migrate"         = 1
    "payment-webhook" = 10
  }

  validation {
    condition     = alltrue([for k, v in var.function_reserved_concurrency : contains(["account-sync", "quote", "purchase", "billing-details", "invoices", "pay-past-due", "entitlements", "cancel", "subaccount-create", "subaccount-delete", "subaccounts", "payment-webhook", "renewal-tick", "reconcile", "migrate"], k) && (v == -1 || (v >= 0 && floor(v) == v))])
    error_message = "function_reserved_concurrency keys must be function names and values -1 or a whole number >= 0."
  }
}

variable "log_retention_days" {
  description = "Retention (days) of the Lambda and API Gateway log groups."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "payment_provider" {
  description = "Value of BILLING_PAYMENT_PROVIDER for the deployed functions."
  type        = string
  default     = "stripe"

  validation {
    condition     = contains(["stripe"], var.payment_provider)
    error_message = "Only the stripe payment provider can be deployed (the local provider is for local mode only)."
  }
}

# ---------------------------------------------------------------------------
# Authentication (JWT) and HTTP API
# ---------------------------------------------------------------------------

variable "jwt_issuer" {
  description = "Issuer (iss claim) of the JWTs the front end sends. Used by the API Gateway JWT authorizer and passed to the functions as MP_JWT_VERIFY_ISSUER."
  type        = string

  validation {
    condition     = can(regex("^https://[^\\s]+$", var.jwt_issuer))
    error_message = "jwt_issuer must be an https:// URL (API Gateway JWT authorizers require it)."
  }
}

variable "jwt_audience" {
  description = "Accepted audiences (aud claim) of the JWTs. Used by the API Gateway JWT authorizer and passed to the functions as MP_JWT_VERIFY_AUDIENCES (comma-separated)."
  type        = list(string)

  validation {
    condition     = length(var.jwt_audience) >= 1 && alltrue([for a in var.jwt_audience : length(trimspace(a)) > 0])
    error_message = "jwt_audience must contain at least one non-empty audience."
  }
}

variable "jwt_jwks_url" {
  description = "URL of the issuer's JSON Web Key Set, passed to the functions as MP_JWT_VERIFY_PUBLICKEY_LOCATION (reached through the NAT gateway)."
  type        = string

  validation {
    condition     = can(regex("^https://[^\\s]+$", var.jwt_jwks_url))
    error_message = "jwt_jwks_url must be an https:// URL."
  }
}

variable "api_throttling_burst_limit" {
  description = "Default route burst limit (requests) of the HTTP API $default stage."
  type        = number
  default     = 200

  validation {
    condition     = var.api_throttling_burst_limit >= 1 && var.api_throttling_burst_limit <= 5000 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be a whole number between 1 and 5000."
  }
}

variable "api_throttling_rate_limit" {
  description = "Default route steady-state rate limit (requests per second) of the HTTP API $default stage."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_rate_limit >= 1 && var.api_throttling_rate_limit <= 10000
    error_message = "api_throttling_rate_limit must be between 1 and 10000."
  }
}

variable "cors_allow_origins" {
  description = "Origins allowed to call the HTTP API from a browser (CORS). Empty list = no CORS configuration."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for o in var.cors_allow_origins : can(regex("^https?://[^\\s/]+$", o))])
    error_message = "cors_allow_origins entries must be origins such as https://app.example.com (no path, no wildcard)."
  }
}

# ---------------------------------------------------------------------------
# Renewal tick schedule
# ---------------------------------------------------------------------------

variable "tick_schedule_expression" {
  description = "EventBridge Scheduler expression of the renewal tick."
  type        = string
  default     = "rate(15 minutes)"

  validation {
    condition     = can(regex("^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(.+\\))$", var.tick_schedule_expression))
    error_message = "tick_schedule_expression must be a rate(...) or cron(...) expression."
  }
}

variable "tick_schedule_enabled" {
  description = "Whether the renewal tick schedule is ENABLED (true) or DISABLED (false)."
  type        = bool
  default     = true
}

variable "tick_retry_attempts" {
  description = "Maximum retry attempts of EventBridge Scheduler when invoking the renewal tick fails (the tick is idempotent)."
  type        = number
  default     = 3

  validation {
    condition     = var.tick_retry_attempts >= 0 && var.tick_retry_attempts <= 185 && floor(var.tick_retry_attempts) == var.tick_retry_attempts
    error_message = "tick_retry_attempts must be a whole number between 0 and 185."
  }
}

variable "tick_max_event_age_seconds" {
  description = "Maximum age (seconds) of a tick event that EventBridge Scheduler still retries; older failed events go to the dead-letter queue."
  type        = number
  default     = 900

  validation {
    condition     = var.tick_max_event_age_seconds >= 60 && var.tick_max_event_age_seconds <= 86400
    error_message = "tick_max_event_age_seconds must be between 60 and 86400."
  }
}

# ---------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------

variable "db_engine_version" {
  description = "Aurora PostgreSQL engine version (major.minor) supporting Serverless v2."
  type        = string
  default     = "16.6"

  validation {
    condition     = can(regex("^1[3-7]\\.[0-9]+$", var.db_engine_version))
    error_message = "db_engine_version must be an Aurora PostgreSQL version such as 16.6 (majors 13 to 17)."
  }
}

variable "db_name" {
  description = "Name of the PostgreSQL database created in the cluster."
  type        = string
  default     = "billing"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.db_name))
    error_message = "db_name must be a lowercase PostgreSQL identifier."
  }
}

variable "db_master_username" {
  description = "Master user name of the Aurora cluster; stored with its password in the DB secret, from which the functions read both for each connection (through RDS Proxy)."
  type        = string
  default     = "billing_admin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.db_master_username)) && !contains(["postgres", "admin", "rdsadmin"], var.db_master_username)
    error_message = "db_master_username must be a lowercase identifier and not a reserved name (postgres, admin, rdsadmin)."
  }
}

variable "db_master_password" {
  description = "Master password of the Aurora cluster, also written to the DB secret. EPHEMERAL: sent only through write-only attributes (master_password_wo, secret_string_wo), never stored in the state or a plan file. Required on every plan/apply; pass it as TF_VAR_db_master_password (after the first apply it can be read back from the DB secret, see README). It is only sent to AWS when db_master_password_version changes."
  type        = string
  sensitive   = true
  ephemeral   = true

  validation {
    condition     = try(length(var.db_master_password) >= 16 && !can(regex("[/@\" ]", var.db_master_password)), false)
    error_message = "db_master_password must be at least 16 characters and must not contain '/', '@', '\"' or spaces."
  }
}

variable "db_master_password_version" {
  description = "Increment to push a new db_master_password to Aurora and to the DB secret (write-only attributes are only sent when this changes)."
  type        = number
  default     = 1

  validation {
    condition     = var.db_master_password_version >= 1 && floor(var.db_master_password_version) == var.db_master_password_version
    error_message = "db_master_password_version must be a whole number >= 1."
  }
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum capacity (ACU)."
  type        = number
  default     = 0.5

  validation {
    condition     = var.db_min_capacity >= 0.5 && var.db_min_capacity <= 256 && floor(var.db_min_capacity * 2) == var.db_min_capacity * 2
    error_message = "db_min_capacity must be between 0.5 and 256 in steps of 0.5."
  }
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum capacity (ACU); must be >= db_min_capacity."
  type        = number
  default     = 4

  validation {
    condition     = var.db_max_capacity >= 1 && var.db_max_capacity <= 256 && floor(var.db_max_capacity * 2) == var.db_max_capacity * 2 && var.db_max_capacity >= var.db_min_capacity
    error_message = "db_max_capacity must be between 1 and 256 in steps of 0.5, and >= db_min_capacity."
  }
}

variable "db_instance_count" {
  description = "Number of db.serverless instances in the cluster (1 writer + readers; 2 or more gives a failover target in another AZ)."
  type        = number
  default     = 1

  validation {
    condition     = var.db_instance_count >= 1 && var.db_instance_count <= 15 && floor(var.db_instance_count) == var.db_instance_count
    error_message = "db_instance_count must be a whole number between 1 and 15."
  }
}

variable "db_backup_retention_days" {
  description = "Days of automated Aurora backups."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35 && floor(var.db_backup_retention_days) == var.db_backup_retention_days
    error_message = "db_backup_retention_days must be a whole number between 1 and 35."
  }
}

variable "db_deletion_protection" {
  description = "Enable deletion protection on the Aurora cluster."
  type        = bool
  default     = true
}

variable "db_skip_final_snapshot" {
  description = "Skip the final snapshot when the cluster is destroyed (only sensible for throw-away environments)."
  type        = bool
  default     = false
}

variable "run_migrations" {
  description = "When true, terraform apply invokes the migrate function (Flyway) through its alias once per published version (aws_lambda_invocation). When false, run it yourself after apply: see README.md."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------
# Monitoring
# ---------------------------------------------------------------------------

variable "alarm_email" {
  description = "Optional e-mail address subscribed to the alarm SNS topic (the subscription must be confirmed from the mail). null = no subscription."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be an e-mail address or null."
  }
}

variable "duration_alarm_ratio" {
  description = "A function's Duration alarm fires when its p99 duration exceeds this fraction of its timeout."
  type        = number
  default     = 0.8

  validation {
    condition     = var.duration_alarm_ratio > 0 && var.duration_alarm_ratio < 1
    error_message = "duration_alarm_ratio must be strictly between 0 and 1."
  }
}

variable "api_5xx_alarm_threshold" {
  description = "The API 5xx alarm needs at least this many 5xx answers in a five-minute period (and api_5xx_alarm_rate_percent of the requests), in 2 of 3 periods: one failing caller cannot trip it."
  type        = number
  default     = 10

  validation {
    condition     = var.api_5xx_alarm_threshold >= 1 && floor(var.api_5xx_alarm_threshold) == var.api_5xx_alarm_threshold
    error_message = "api_5xx_alarm_threshold must be a whole number >= 1."
  }
}
