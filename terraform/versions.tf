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

  # State is local by default. For a real, shared deployment add a backend
  # (e.g. an S3 backend in backend.tf) — see README.md.
}
