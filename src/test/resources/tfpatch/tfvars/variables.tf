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

variable "perimeter_name" {
  type    = string
  default = "gdc"
}
