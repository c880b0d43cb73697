locals {
  prefix = "${var.project_name}-${var.environment}"

  # Relative artifacts_dir is resolved against this directory.
  artifacts_dir = startswith(var.artifacts_dir, "/") ? trimsuffix(var.artifacts_dir, "/") : "${path.root}/${trimsuffix(var.artifacts_dir, "/")}"

  az_count = length(var.availability_zones)

  # This account's id, from an ARN of ours: no STS call, so plan stays offline (ci-check.sh).
  account_id = element(split(":", aws_sns_topic.alarms.arn), 4)

  # /16 -> /20 subnets: private subnets first, public subnets (NAT only) in the upper half.
  private_subnet_cidrs = [for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnet_cidrs  = [for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, i + 8)]

  nat_gateway_count = var.one_nat_gateway_per_az ? local.az_count : 1

  # verify-full: the proxy's certificate (ACM, Amazon Trust Services) checked against the JVM's trust store, host
  # name included. prepareThreshold=0: no server-side named statements, which would pin the proxy's session.
  jdbc_parameters = "sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory&prepareThreshold=0"
  jdbc_url        = "jdbc:postgresql://${aws_db_proxy.this.endpoint}:5432/${var.db_name}?${local.jdbc_parameters}"
}
