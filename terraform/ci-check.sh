#!/usr/bin/env bash
# Offline check of the Terraform configuration, run by CI after the Maven build:
#
#   bash terraform/ci-check.sh                      # zips from functions/<name>/target/
#   ARTIFACTS_DIR=/abs/dir bash terraform/ci-check.sh   # zips from /abs/dir/<name>/target/
#
# Runs: fmt -check, init (offline from /opt/tf-plugins when present), validate,
# plan with the example tfvars and dummy credentials, then checks the plan
# (check-plan.py on `terraform show -json`), the production guards (guards.tf),
# the JDBC parameters, the S3 backend files and the state-bucket stack. Needs
# no network and no AWS account. Nothing is written into the repository:
# init/validate/plan run in a temporary copy of this directory, with the
# committed lock file (checked against the offline provider) and without
# backend.tf (so the local backend: no S3 needed).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${SCRIPT_DIR}/.." && pwd)"
PLUGIN_DIR="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
VAR_FILE="terraform.tfvars.example"
ARTIFACTS_DIR="${ARTIFACTS_DIR:-${REPO_DIR}/functions}"
ARTIFACTS_DIR="$(cd "${ARTIFACTS_DIR}" 2>/dev/null && pwd)" || {
  echo "ci-check: artifacts directory '${ARTIFACTS_DIR}' does not exist (build with ./mvnw package first)." >&2
  exit 1
}

# Dummy credentials: the provider is configured with offline_plan = true, so it
# never calls STS, the metadata service or any AWS API during validate/plan.
export AWS_ACCESS_KEY_ID="test"
export AWS_SECRET_ACCESS_KEY="test"
export AWS_SESSION_TOKEN="test"
export AWS_REGION="eu-west-1"
unset AWS_PROFILE AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE || true
export AWS_EC2_METADATA_DISABLED=true
# Dummy value of the (ephemeral, write-only) database password: nothing is applied.
export TF_VAR_db_master_password="ci-dummy-password-not-a-secret"
export TF_IN_AUTOMATION=1
export TF_INPUT=0
export CHECKPOINT_DISABLE=1

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tf-ci-check.XXXXXX")"
trap 'rm -rf "${WORK_DIR}"' EXIT
export TF_DATA_DIR="${WORK_DIR}/tf-data"

echo "==> terraform fmt -check -recursive"
cd "${SCRIPT_DIR}"
terraform fmt -check -recursive -diff -no-color

echo "==> copying configuration to ${WORK_DIR}/terraform"
mkdir -p "${WORK_DIR}/terraform"
# Configuration files only: no local state, working data or lock file.
tar -C "${SCRIPT_DIR}" \
  --exclude='./.terraform' --exclude='*.tfstate' --exclude='*.tfstate.*' \
  --exclude='./backend.tf' --exclude='*_override.tf' \
  --exclude='*.tfplan' --exclude='terraform.tfvars' --exclude='*.auto.tfvars' \
  -cf - . | tar -C "${WORK_DIR}/terraform" -xf -
cd "${WORK_DIR}/terraform"

echo "==> terraform init"
if [[ -d "${PLUGIN_DIR}" ]]; then
  terraform init -input=false -backend=false -plugin-dir="${PLUGIN_DIR}" -no-color
else
  terraform init -input=false -backend=false -no-color
fi

echo "==> terraform validate"
terraform validate -no-color

echo "==> checking function zips in ${ARTIFACTS_DIR}"
# The function list comes from the configuration itself (local.functions).
names="$(echo 'join(" ", sort(keys(local.functions)))' |
  terraform console -var-file="${VAR_FILE}" -var "artifacts_dir=${ARTIFACTS_DIR}" -var offline_plan=true 2>/dev/null |
  grep -E '^"[a-z0-9 -]+"$' | tr -d '"' || true)"
if [[ -z "${names// /}" ]]; then
  echo "ci-check: could not read the function list from the configuration." >&2
  exit 1
fi
missing=()
for name in ${names}; do
  zip="${ARTIFACTS_DIR}/${name}/target/function.zip"
  [[ -s "${zip}" ]] || missing+=("${zip}")
done
if ((${#missing[@]} > 0)); then
  echo "ci-check: missing function zip(s) — run ./mvnw package first (or set ARTIFACTS_DIR):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

echo "==> terraform plan (offline, dummy credentials)"
# The example's dev settings, but two Aurora instances and a final snapshot, so that check-plan.py sees
# the instances spread over the zones and the snapshot's name.
terraform plan -no-color -input=false -lock=false -refresh=false \
  -var-file="${VAR_FILE}" \
  -var "artifacts_dir=${ARTIFACTS_DIR}" \
  -var offline_plan=true \
  -var db_instance_count=2 -var db_skip_final_snapshot=false \
  -out="${WORK_DIR}/ci.tfplan"

count="$(terraform show -no-color "${WORK_DIR}/ci.tfplan" | sed -n 's/^Plan: \([0-9]*\) to add.*/\1/p')"

echo "==> checking the plan (check-plan.py)"
terraform show -json "${WORK_DIR}/ci.tfplan" >"${WORK_DIR}/plan.json"
python3 "${SCRIPT_DIR}/check-plan.py" "${WORK_DIR}/plan.json"

echo "==> checking the JDBC parameters"
jdbc="$(echo 'local.jdbc_parameters' | terraform console -var-file="${VAR_FILE}" -var "artifacts_dir=${ARTIFACTS_DIR}" -var offline_plan=true 2>/dev/null)"
for parameter in sslmode=verify-full prepareThreshold=0; do
  [[ "${jdbc}" == *"${parameter}"* ]] || { echo "ci-check: the JDBC URL lacks ${parameter}: ${jdbc}" >&2; exit 1; }
  echo "ok   the JDBC URL has ${parameter}"
done

echo "==> checking the production guards (guards.tf)"
guard_plan() {
  terraform plan -no-color -input=false -lock=false -refresh=false -target=terraform_data.guards \
    -var-file="${VAR_FILE}" -var "artifacts_dir=${ARTIFACTS_DIR}" -var offline_plan=true "$@" 2>&1
}
production=(-var environment=prod -var db_instance_count=2 -var one_nat_gateway_per_az=true
  -var db_deletion_protection=true -var db_skip_final_snapshot=false)
guard_plan "${production[@]}" >"${WORK_DIR}/guard.log" || {
  cat "${WORK_DIR}/guard.log" >&2
  echo "ci-check: a production environment with every safeguard was refused." >&2
  exit 1
}
refusals=(
  "db_instance_count >= 2|-var db_instance_count=1"
  "one_nat_gateway_per_az = true|-var one_nat_gateway_per_az=false"
  "db_deletion_protection = true|-var db_deletion_protection=false"
  "db_deletion_protection = true|-var db_skip_final_snapshot=true"
)
for refusal in "${refusals[@]}"; do
  expected="${refusal%%|*}" override="${refusal#*|}"
  if guard_plan "${production[@]}" ${override} >"${WORK_DIR}/guard.log"; then
    echo "ci-check: environment = \"prod\" with ${override} was accepted." >&2
    exit 1
  fi
  grep -q "${expected}" "${WORK_DIR}/guard.log" || {
    cat "${WORK_DIR}/guard.log" >&2
    echo "ci-check: prod with ${override} failed, but not for '${expected}'." >&2
    exit 1
  }
  echo "ok   prod refused with ${override}"
done

echo "==> checking the S3 backend files"
keys=()
for backend in "${SCRIPT_DIR}"/backend/*.s3.tfbackend; do
  for setting in 'encrypt *= *true' 'use_lockfile *= *true' 'key *= *"addon-billing/[a-z0-9]+/terraform.tfstate"'; do
    grep -Eq "^${setting}" "${backend}" || { echo "ci-check: ${backend} lacks ${setting}" >&2; exit 1; }
  done
  env_name="$(basename "${backend}" .s3.tfbackend)"
  grep -q "key *= *\"addon-billing/${env_name}/" "${backend}" || { echo "ci-check: ${backend}: key not of ${env_name}" >&2; exit 1; }
  keys+=("${env_name}")
done
grep -q 'backend "s3"' "${SCRIPT_DIR}/backend.tf" || { echo "ci-check: backend.tf declares no S3 backend" >&2; exit 1; }
echo "ok   S3 backend, one key per environment: ${keys[*]}"

echo "==> state-bucket: init and validate"
mkdir -p "${WORK_DIR}/state-bucket"
cp "${SCRIPT_DIR}"/state-bucket/*.tf "${SCRIPT_DIR}/state-bucket/.terraform.lock.hcl" "${WORK_DIR}/state-bucket/"
(
  cd "${WORK_DIR}/state-bucket"
  export TF_DATA_DIR="${WORK_DIR}/tf-data-state-bucket"
  if [[ -d "${PLUGIN_DIR}" ]]; then
    terraform init -input=false -backend=false -plugin-dir="${PLUGIN_DIR}" -no-color >/dev/null
  else
    terraform init -input=false -backend=false -no-color >/dev/null
  fi
  terraform validate -no-color
)
echo "==> ci-check OK: plan succeeded offline (${count:-?} resources to add)"
