# A VPC Service Controls perimeter for a Google Distributed Cloud (software only) bare metal
# cluster's project, written from scratch: the 14 APIs of the GDC hardening guide restricted,
# and VPC accessible services limited to restricted services. Dry-run first: with
# enforce = false only the dry-run config (spec) exists; set enforce = true once the dry-run
# violations in the audit logs are understood.
#
# Check it with: vpcsc-audit audit --project PROJECT_NUMBER (after apply)

terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0"
    }
  }
}

variable "organization_id" {
  description = "The organization number that owns the access policy."
  type        = string
}

variable "project_number" {
  description = "The number (not the ID) of the project that hosts the GDC cluster."
  type        = string
}

variable "billing_project" {
  description = "Quota project for the Access Context Manager API (needed with user credentials)."
  type        = string
}

variable "enforce" {
  description = "false: dry-run config only; true: enforce the same config."
  type        = bool
  default     = false
}

# With user Application Default Credentials the ACM API needs a quota project.
provider "google" {
  billing_project       = var.billing_project
  user_project_override = true
}

# The organization-level access policy (no scopes).
data "google_access_context_manager_access_policy" "org" {
  parent = "organizations/${var.organization_id}"
}

locals {
  policy = "accessPolicies/${trimprefix(data.google_access_context_manager_access_policy.org.name, "accessPolicies/")}"

  # policies/gdc-bare-metal.yaml: the APIs GDC clusters call.
  gdc_services = [
    "artifactregistry.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "compute.googleapis.com",
    "connectgateway.googleapis.com",
    "containerregistry.googleapis.com",
    "gkeconnect.googleapis.com",
    "gkehub.googleapis.com",
    "gkeonprem.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "opsconfigmonitoring.googleapis.com",
    "servicecontrol.googleapis.com",
    "storage.googleapis.com",
  ]
}

resource "google_access_context_manager_service_perimeter" "gdc" {
  parent         = local.policy
  name           = "${local.policy}/servicePerimeters/gdc_bare_metal"
  title          = "gdc-bare-metal"
  description    = "GDC bare metal cluster project; restricted VIP only."
  perimeter_type = "PERIMETER_TYPE_REGULAR"

  # Enforced config: only once var.enforce is true.
  dynamic "status" {
    for_each = var.enforce ? [1] : []
    content {
      resources           = ["projects/${var.project_number}"]
      restricted_services = local.gdc_services
      vpc_accessible_services {
        enable_restriction = true
        allowed_services   = ["RESTRICTED-SERVICES"]
      }
    }
  }

  # Dry-run config: always present, so that later changes are staged here first.
  spec {
    resources           = ["projects/${var.project_number}"]
    restricted_services = local.gdc_services
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
  }

  use_explicit_dry_run_spec = true
}
