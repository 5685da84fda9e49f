# Cloud Foundation Fabric's vpc-sc module, perimeters written in the call.
module "vpc-sc" {
  source        = "./modules/vpc-sc"
  access_policy = "111"
  service_perimeters_regular = {
    gdc = {
      status = {
        resources = ["projects/123456789012"]
        restricted_services = [
          "compute.googleapis.com",
          "gkehub.googleapis.com",
          "logging.googleapis.com",
          "storage.googleapis.com",
        ]
        vpc_accessible_services = {
          allowed_services   = ["RESTRICTED-SERVICES"]
          enable_restriction = true
        }
      }
    }
  }
}
