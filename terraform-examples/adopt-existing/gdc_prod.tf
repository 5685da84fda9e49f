# Fix plan by vpcsc-audit: Terraform, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
#
# accessPolicies/587139914682/servicePerimeters/gdc_prod also holds //compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect: the change restricts their traffic too.
# Not fixed by this plan (11 findings; no additive dry-run change fixes them):
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted connectgateway.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted gkeonprem.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing artifactregistry.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing cloudresourcemanager.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing compute.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing connectgateway.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing containerregistry.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing gkeonprem.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing iam.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing opsconfigmonitoring.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing servicecontrol.googleapis.com
#     why: already staged in the dry-run spec of accessPolicies/587139914682/servicePerimeters/gdc_prod
#     step: enforce it: gcloud access-context-manager perimeters dry-run enforce gdc_prod --policy=587139914682 (enforces everything staged in that spec; review it first with 'perimeters dry-run describe'), or plan with --stage enforce
#
# Each resource below reproduces the WHOLE perimeter as it was read, with the fixes merged in.
# google_access_context_manager_service_perimeter is AUTHORITATIVE for the whole perimeter:
# anything missing from it (a resource, an access level, an ingress or egress rule) is deleted
# on apply. Run `terraform plan` and check that it only adds what the comments say.
# Needs Terraform >= 1.5 (import blocks) and the google provider >= 6.21.0 (for title); in required_providers: google = { source = "hashicorp/google", version = ">= 6.21.0" }.
# With user credentials set billing_project and user_project_override = true in the provider block.
# Verify afterwards: vpcsc-audit audit --project gdc-prod

# accessPolicies/587139914682/servicePerimeters/gdc_prod: spec adds restricted services: containerregistry.googleapis.com, opsconfigmonitoring.googleapis.com
# NOTE: its dry-run spec differs from its enforced status beyond these fixes (restrictedServices, vpcAccessibleServices): 'dry-run enforce' would enforce those differences too
import {
  to = google_access_context_manager_service_perimeter.gdc_prod
  id = "accessPolicies/587139914682/servicePerimeters/gdc_prod"
}

resource "google_access_context_manager_service_perimeter" "gdc_prod" {
  parent         = "accessPolicies/587139914682"
  name           = "accessPolicies/587139914682/servicePerimeters/gdc_prod"
  title          = "gdc-prod"
  description    = "Holds the project of the bare metal GDC cluster in the Frankfurt data centre."
  perimeter_type = "PERIMETER_TYPE_REGULAR"

  status {
    resources = [
      "projects/123456789012",
      "//compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect",
    ]
    access_levels = ["accessPolicies/587139914682/accessLevels/corp_datacenter_egress"]
    restricted_services = [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services = [
        "logging.googleapis.com",
        "monitoring.googleapis.com",
        "storage.googleapis.com",
        "gkeconnect.googleapis.com",
        "gkehub.googleapis.com",
      ]
    }
    ingress_policies {
      title = "fleet admin from the data centre"
      ingress_from {
        identities = ["serviceAccount:gdc-fleet-admin@gdc-ops-4711.iam.gserviceaccount.com"]
        sources {
          access_level = "accessPolicies/587139914682/accessLevels/corp_datacenter_egress"
        }
      }
      ingress_to {
        operations {
          service_name = "gkehub.googleapis.com"
          method_selectors {
            method = "*"
          }
        }
        resources = ["*"]
      }
    }
  }

  spec {
    resources = [
      "projects/123456789012",
      "//compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect",
    ]
    access_levels = ["accessPolicies/587139914682/accessLevels/corp_datacenter_egress"]
    restricted_services = [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "connectgateway.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "gkeonprem.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
      "containerregistry.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
    ingress_policies {
      title = "fleet admin from the data centre"
      ingress_from {
        identities = ["serviceAccount:gdc-fleet-admin@gdc-ops-4711.iam.gserviceaccount.com"]
        sources {
          access_level = "accessPolicies/587139914682/accessLevels/corp_datacenter_egress"
        }
      }
      ingress_to {
        operations {
          service_name = "gkehub.googleapis.com"
          method_selectors {
            method = "*"
          }
        }
        resources = ["*"]
      }
    }
  }

  use_explicit_dry_run_spec = true
}
