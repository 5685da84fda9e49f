# A local stand-in with the inputs of terraform-google-modules/terraform-google-vpc-service-controls'
# regular_service_perimeter (v8.1.0), for the tests: no registry is reachable here.
variable "policy" { type = string }
variable "perimeter_name" { type = string }
variable "description" {
  type    = string
  default = ""
}
variable "resources" {
  type    = list(string)
  default = []
}
variable "restricted_services" {
  type    = list(string)
  default = []
}
variable "vpc_accessible_services" {
  type    = list(string)
  default = ["*"]
}
variable "resources_dry_run" {
  type    = list(string)
  default = []
}
variable "restricted_services_dry_run" {
  type    = list(string)
  default = []
}
variable "vpc_accessible_services_dry_run" {
  type    = list(string)
  default = ["*"]
}
