# Services from a variable (computed for the patch) and projects added one resource at a time.
variable "services" {
  type    = list(string)
  default = ["compute.googleapis.com"]
}

resource "google_access_context_manager_service_perimeter" "gdc" {
  parent = "accessPolicies/111"
  name   = "accessPolicies/111/servicePerimeters/gdc"
  title  = "gdc"

  status {
    restricted_services = var.services
  }

  lifecycle {
    ignore_changes = [status[0].resources]
  }
}

resource "google_access_context_manager_service_perimeter_resource" "other" {
  perimeter_name = google_access_context_manager_service_perimeter.gdc.name
  resource       = "projects/999999999999"
}
