# The Google Cloud half of the restricted VIP's path for on-premises GDC hosts, from scratch:
# what `vpcsc-audit audit --network` checks. The route, the private zones for googleapis.com,
# gcr.io and pkg.dev with their records, a DNS server policy with inbound forwarding, and a
# Cloud Router that advertises 199.36.153.4/30 (keeping ALL_SUBNETS) to on-premises.
# Attach your Interconnect attachments or VPN tunnels to this router (interfaces and BGP peers
# are not declared here: they depend on your circuits).

terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 5.0"
    }
  }
}

variable "project" {
  description = "The project that holds the VPC network (e.g. the Shared VPC host project)."
  type        = string
}

variable "network" {
  description = "The VPC network's name, where the Interconnect attachments or VPN tunnels land."
  type        = string
}

variable "region" {
  description = "The region of the Cloud Router."
  type        = string
}

variable "asn" {
  description = "The Cloud Router's private ASN."
  type        = number
  default     = 64512
}

locals {
  network = "projects/${var.project}/global/networks/${var.network}"
  vip     = ["199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7"]
  # Each zone: its domain, and the name its wildcard points at (the apex holds the A records).
  zones = {
    googleapis = { domain = "googleapis.com.", apex = "restricted.googleapis.com." }
    gcr-io     = { domain = "gcr.io.", apex = "gcr.io." }
    pkg-dev    = { domain = "pkg.dev.", apex = "pkg.dev." }
  }
}

resource "google_compute_route" "restricted_vip" {
  project          = var.project
  name             = "vpcsc-restricted-vip"
  network          = local.network
  dest_range       = "199.36.153.4/30"
  next_hop_gateway = "default-internet-gateway"
}

resource "google_compute_router" "onprem" {
  project = var.project
  name    = "onprem-router"
  network = local.network
  region  = var.region

  bgp {
    asn               = var.asn
    advertise_mode    = "CUSTOM"
    advertised_groups = ["ALL_SUBNETS"]

    advertised_ip_ranges {
      range = "199.36.153.4/30"
    }
  }
}

resource "google_dns_managed_zone" "restricted" {
  for_each    = local.zones
  project     = var.project
  name        = each.key
  dns_name    = each.value.domain
  description = "Restricted VIP for ${trimsuffix(each.value.domain, ".")}"
  visibility  = "private"

  private_visibility_config {
    networks {
      network_url = local.network
    }
  }
}

resource "google_dns_record_set" "apex" {
  for_each     = local.zones
  project      = var.project
  managed_zone = google_dns_managed_zone.restricted[each.key].name
  name         = each.value.apex
  type         = "A"
  ttl          = 300
  rrdatas      = local.vip
}

resource "google_dns_record_set" "wildcard" {
  for_each     = local.zones
  project      = var.project
  managed_zone = google_dns_managed_zone.restricted[each.key].name
  name         = "*.${each.value.domain}"
  type         = "CNAME"
  ttl          = 300
  rrdatas      = [each.value.apex]
}

resource "google_dns_policy" "inbound" {
  project                   = var.project
  name                      = "vpcsc-inbound"
  description               = "Inbound forwarding for the restricted VIP"
  enable_inbound_forwarding = true

  networks {
    network_url = local.network
  }
}
