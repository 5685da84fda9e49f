# A local stand-in with the inputs of Cloud Foundation Fabric's modules/vpc-sc that the tests use
# (no registry or Git remote is reachable here).
variable "access_policy" {
  type = string
}

variable "service_perimeters_regular" {
  type = map(object({
    spec = optional(object({
      resources           = optional(list(string))
      restricted_services = optional(list(string))
      vpc_accessible_services = optional(object({
        allowed_services   = list(string)
        enable_restriction = bool
      }))
    }), {})
    status = optional(object({
      resources           = optional(list(string))
      restricted_services = optional(list(string))
      vpc_accessible_services = optional(object({
        allowed_services   = list(string)
        enable_restriction = bool
      }))
    }), {})
    use_explicit_dry_run_spec = optional(bool, false)
  }))
  default = {}
}
