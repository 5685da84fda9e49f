variable "policy" {
  type = string
}

variable "projects" {
  type = list(string)
}

variable "restricted_services" {
  type    = list(string)
  default = []
}
