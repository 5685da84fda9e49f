# The services are computed: a for expression over a local.
locals {
  base = ["compute.googleapis.com", "gkehub.googleapis.com", "logging.googleapis.com", "storage.googleapis.com"]
}

resource "google_access_context_manager_service_perimeter" "gdc" {
  parent = "accessPolicies/111"
  name   = "accessPolicies/111/servicePerimeters/gdc"
  title  = "gdc"

  status {
    resources           = ["projects/123456789012"]
    restricted_services = [for s in local.base : s]

    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
  }
}
