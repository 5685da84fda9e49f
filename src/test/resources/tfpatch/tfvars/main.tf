# A module call fed from variables, their values in terraform.tfvars.
module "gdc_perimeter" {
  source         = "./modules/regular_service_perimeter"
  policy         = var.policy
  perimeter_name = var.perimeter_name

  resources               = var.projects
  restricted_services     = var.restricted_services
  vpc_accessible_services = ["RESTRICTED-SERVICES"]
}
