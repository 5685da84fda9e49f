#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage enforce
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# What it changes: the enforced config (status), and any explicit dry-run spec, of 1 perimeter.
# It only adds: no resource, access level, service or ingress/egress rule is removed.
# Each perimeter's first command carries the etag that was read, so it fails if the
# perimeter changed since; then audit and plan again.
# Verify afterwards (no finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# --- accessPolicies/111/servicePerimeters/gdc
gcloud access-context-manager perimeters update gdc \
    --policy=111 \
    --add-restricted-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com
