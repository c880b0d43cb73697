# State in S3 (encrypted, versioned bucket; S3-native locking), one key per
# environment. The settings are in backend/<environment>.s3.tfbackend:
#
#   terraform init -backend-config=backend/prod.s3.tfbackend
#
# The bucket is made once per account by state-bucket/ (README, "First
# deployment"). CI plans without it: ci-check.sh leaves this file out of its
# copy and uses the local backend. For a local plan without S3, copy
# backend_override.tf.example to backend_override.tf (git-ignored).
terraform {
  backend "s3" {}
}
