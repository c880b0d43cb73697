provider "aws" {
  region = var.aws_region

  # Offline CI plan (terraform/ci-check.sh sets offline_plan = true with dummy
  # AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): no STS call, no EC2 metadata lookup,
  # no credential check. Keep it false for real deployments: the provider then
  # learns the account id, which it needs to build API Gateway execution ARNs
  # (used in the Lambda permissions' source_arn).
  skip_credentials_validation = var.offline_plan
  skip_requesting_account_id  = var.offline_plan
  skip_metadata_api_check     = var.offline_plan
  skip_region_validation      = var.offline_plan

  default_tags {
    tags = merge(var.tags, {
      Project     = var.project_name
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}
