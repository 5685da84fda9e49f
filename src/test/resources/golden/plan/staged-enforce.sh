#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage enforce
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# What it changes: the enforced config (status), and any explicit dry-run spec, of 1 perimeter.
# It only adds: no resource, access level, service or ingress/egress rule is removed.
# It first checks that no perimeter it touches changed since it was read (etag), and
# writes nothing if one did; then audit and plan again.
# Verify afterwards (no finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# No etag was read for accessPolicies/111/servicePerimeters/gdc: the script cannot tell whether it changed since (export with a version that keeps etags).

# --- accessPolicies/111/servicePerimeters/gdc
gcloud access-context-manager perimeters update gdc \
    --policy=111 \
    --add-restricted-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com
