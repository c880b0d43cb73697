# ---------------------------------------------------------------------------
# What plan refuses. A production environment has no single point of failure:
# at least two Aurora instances, spread over the zones (database.tf), a NAT
# gateway per zone, deletion protection and a final snapshot. And RDS Proxy
# gives up waiting for a connection before any function times out.
# ---------------------------------------------------------------------------

locals {
  production       = var.environment == "prod"
  db_instance_azs  = [for i in range(var.db_instance_count) : var.availability_zones[i % local.az_count]] # database.tf
  shortest_timeout = min([for f in values(local.functions) : f.timeout]...)
}

resource "terraform_data" "guards" {
  lifecycle {
    precondition {
      condition     = !local.production || (var.db_instance_count >= 2 && length(distinct(local.db_instance_azs)) >= 2)
      error_message = "environment \"prod\" needs db_instance_count >= 2 (the instances go to different availability zones)."
    }
    precondition {
      condition     = !local.production || var.one_nat_gateway_per_az
      error_message = "environment \"prod\" needs one_nat_gateway_per_az = true (one NAT gateway per availability zone)."
    }
    precondition {
      condition     = !local.production || (var.db_deletion_protection && !var.db_skip_final_snapshot)
      error_message = "environment \"prod\" needs db_deletion_protection = true and db_skip_final_snapshot = false."
    }
    precondition {
      condition     = var.db_proxy_borrow_timeout_seconds < local.shortest_timeout
      error_message = "db_proxy_borrow_timeout_seconds must be shorter than every function's timeout (the shortest is ${local.shortest_timeout} s)."
    }
  }
}
