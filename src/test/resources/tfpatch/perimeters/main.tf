# Every perimeter of the policy in one authoritative resource.
resource "google_access_context_manager_service_perimeters" "all" {
  parent = "accessPolicies/111"

  service_perimeters {
    name  = "accessPolicies/111/servicePerimeters/gdc"
    title = "gdc"
    status {
      resources           = ["projects/123456789012"]
      restricted_services = ["compute.googleapis.com", "storage.googleapis.com"]
      vpc_accessible_services {
        enable_restriction = true
        allowed_services   = ["RESTRICTED-SERVICES"]
      }
    }
  }

  service_perimeters {
    name  = "accessPolicies/111/servicePerimeters/lab"
    title = "lab"
    status {
      resources           = ["projects/555555555555"]
      restricted_services = ["storage.googleapis.com"]
    }
  }
}
