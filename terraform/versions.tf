terraform {
  # >= 1.11: write-only attributes (the database password never lands in the state)
  # and cross-variable validation.
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100.0, < 6.0.0"
    }
  }

  # State: the S3 backend of backend.tf (one key per environment); CI plans
  # with the local backend (ci-check.sh) — see README.md.
}
