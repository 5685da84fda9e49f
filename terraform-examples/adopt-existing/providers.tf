# Provider settings for the generated gdc_prod.tf. With user Application Default Credentials the
# Access Context Manager API needs a quota project (billing_project + user_project_override);
# your account needs serviceusage.services.use on it.
terraform {
  required_version = ">= 1.5" # import blocks
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.21.0"
    }
  }
}

variable "billing_project" {
  description = "Quota project for the Access Context Manager API."
  type        = string
}

provider "google" {
  billing_project       = var.billing_project
  user_project_override = true
}
