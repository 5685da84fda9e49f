#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# Not fixed by this plan (4 findings; no additive dry-run change fixes them):
#   - enforced accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted artifactregistry.googleapis.com
#   - enforced accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted cloudresourcemanager.googleapis.com
#   - enforced accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted compute.googleapis.com
#   - enforced accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted connectgateway.googleapis.com
#     why: already staged in the dry-run spec of accessPolicies/111/servicePerimeters/gdc
#     step: enforce it: gcloud access-context-manager perimeters dry-run enforce gdc --policy=111 (enforces everything staged in that spec; review it first with 'perimeters dry-run describe'), or plan with --stage enforce
# Verify afterwards (no dry-run finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# Nothing to change at stage dry-run: every finding needs the step listed above. This script changes nothing.
