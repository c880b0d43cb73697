# ---------------------------------------------------------------------------
# Old Lambda versions. Every deployment publishes a version per function (for
# SnapStart) and Lambda keeps them all, against the account's 75 GB code
# storage. After a new version is published, all but the newest
# lambda_versions_to_keep (and the alias's) are deleted, with the AWS CLI of
# whoever applies (scripts/prune-lambda-versions.sh). Rolling back means
# pointing the alias at one of the kept versions.
# ---------------------------------------------------------------------------

resource "terraform_data" "prune_versions" {
  for_each = var.lambda_versions_to_keep > 0 ? local.functions : {}

  triggers_replace = [module.function[each.key].version]

  provisioner "local-exec" {
    command = "bash '${path.module}/scripts/prune-lambda-versions.sh' '${module.function[each.key].function_name}' '${module.function[each.key].alias_name}' '${var.lambda_versions_to_keep}'"
    environment = {
      AWS_REGION = var.aws_region
    }
  }

  depends_on = [module.function]
}
