#!/usr/bin/env bash
# Deletes the published versions of a Lambda function but the newest KEEP and the
# one its alias points at (run by versions-prune.tf after each deployment; needs
# the AWS CLI and the deploying credentials).
#
#   bash scripts/prune-lambda-versions.sh <function-name> <alias> <keep>
set -euo pipefail
function_name="$1" alias="$2" keep="$3"

live="$(aws lambda get-alias --function-name "${function_name}" --name "${alias}" --query FunctionVersion --output text)"
versions="$(aws lambda list-versions-by-function --function-name "${function_name}" \
  --query 'Versions[?Version!=`$LATEST`].Version' --output text | tr '\t' '\n' | sort -n)"
count="$(printf '%s\n' "${versions}" | grep -c . || true)"
if ((count <= keep)); then
  exit 0
fi
printf '%s\n' "${versions}" | head -n "$((count - keep))" | while read -r version; do
  if [[ "${version}" != "${live}" ]]; then
    echo "prune: ${function_name}:${version}"
    aws lambda delete-function --function-name "${function_name}" --qualifier "${version}"
  fi
done
