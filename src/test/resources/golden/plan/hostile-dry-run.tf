# Fix plan by vpcsc-audit: Terraform, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
#
# Each resource below reproduces the WHOLE perimeter as it was read, with the fixes merged in.
# google_access_context_manager_service_perimeter is AUTHORITATIVE for the whole perimeter:
# anything missing from it (a resource, an access level, an ingress or egress rule) is deleted
# on apply. Run `terraform plan` and check that it only adds what the comments say.
# Needs Terraform >= 1.5 (import blocks) and the google provider >= 6.21.0 (for title); in required_providers: google = { source = "hashicorp/google", version = ">= 6.21.0" }.
# With user credentials set billing_project and user_project_override = true in the provider block.
# Verify afterwards: vpcsc-audit audit --project gdc-prod

# accessPolicies/111/servicePerimeters/gdc: spec (new: the perimeter had no explicit dry-run spec, so spec starts as a copy of status and use_explicit_dry_run_spec becomes true) adds restricted services: artifactregistry.googleapis.com, cloudresourcemanager.googleapis.com, compute.googleapis.com, connectgateway.googleapis.com, containerregistry.googleapis.com, gkeconnect.googleapis.com, gkehub.googleapis.com, gkeonprem.googleapis.com, iam.googleapis.com, monitoring.googleapis.com, opsconfigmonitoring.googleapis.com, servicecontrol.googleapis.com, storage.googleapis.com; VPC accessible services: enable_restriction = true; VPC allowed services: RESTRICTED-SERVICES
import {
  to = google_access_context_manager_service_perimeter.gdc
  id = "accessPolicies/111/servicePerimeters/gdc"
}

resource "google_access_context_manager_service_perimeter" "gdc" {
  parent         = "accessPolicies/111"
  name           = "accessPolicies/111/servicePerimeters/gdc"
  title          = "it's \"quoted\" $(touch pwned-title) `touch pwned-tick`; rm -rf ~ \\ end"
  description    = "line one\nline two $${var.x} %%{ if true }x%%{ endif } \r\n# not a comment\n$(touch pwned-desc) Zürich ✓ 東京"
  perimeter_type = "PERIMETER_TYPE_REGULAR"

  status {
    resources           = ["projects/123456789012"]
    restricted_services = ["logging.googleapis.com"]
    ingress_policies {
      title = "$${title} %%{x} \"q\" \\ '$(touch pwned-ingress)'"
      ingress_from {
        identities = ["user:o'brien@example.com"]
      }
    }
  }

  spec {
    resources = ["projects/123456789012"]
    restricted_services = [
      "logging.googleapis.com",
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "connectgateway.googleapis.com",
      "containerregistry.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "gkeonprem.googleapis.com",
      "iam.googleapis.com",
      "monitoring.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
    ingress_policies {
      title = "$${title} %%{x} \"q\" \\ '$(touch pwned-ingress)'"
      ingress_from {
        identities = ["user:o'brien@example.com"]
      }
    }
  }

  use_explicit_dry_run_spec = true
}
