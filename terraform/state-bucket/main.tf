# The S3 bucket that holds the Terraform state of every environment of one
# account (../backend.tf): versioned (an overwritten state can be restored),
# encrypted with KMS, private, TLS only. Locking is S3-native (use_lockfile),
# so no DynamoDB table. Applied once per account, with local state:
#
#   cd terraform/state-bucket
#   terraform init && terraform apply -var aws_region=eu-west-1
terraform {
  required_version = ">= 1.11.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100.0, < 6.0.0"
    }
  }
}

variable "aws_region" {
  description = "Region of the bucket (the backend files' region)."
  type        = string
}

variable "bucket_name" {
  description = "Bucket name; null = addon-billing-terraform-state-<account id>."
  type        = string
  default     = null
}

provider "aws" {
  region = var.aws_region
}

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "state" {
  bucket = coalesce(var.bucket_name, "addon-billing-terraform-state-${data.aws_caller_identity.current.account_id}")

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "state" {
  statement {
    sid     = "TlsOnly"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state.json
}

output "bucket" {
  value = aws_s3_bucket.state.bucket
}
