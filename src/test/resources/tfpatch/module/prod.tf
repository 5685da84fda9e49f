# The shape of terraform-google-modules' regular_service_perimeter example: literal lists, in the
# team's own (unsorted) order, with a dry-run config of their own.
module "gdc_perimeter" {
  source         = "./modules/regular_service_perimeter"
  policy         = "111"
  perimeter_name = "gdc"
  description    = "GDC clusters"

  resources               = ["projects/123456789012"]
  restricted_services     = ["storage.googleapis.com", "compute.googleapis.com"]
  vpc_accessible_services = ["RESTRICTED-SERVICES"]

  resources_dry_run = ["projects/123456789012"]
  restricted_services_dry_run = [
    "storage.googleapis.com",
    "compute.googleapis.com",
    "logging.googleapis.com",
  ]
  vpc_accessible_services_dry_run = ["RESTRICTED-SERVICES"]
}
