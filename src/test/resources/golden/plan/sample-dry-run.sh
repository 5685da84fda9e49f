#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# What it changes: the dry-run config (spec) of 1 perimeter.
# It only adds: no resource, access level, service or ingress/egress rule is removed.
# It first checks that no perimeter it touches changed since it was read (etag), and
# writes nothing if one did; then audit and plan again.
# Not fixed by this plan (11 findings; no additive dry-run change fixes them):
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted connectgateway.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted gkeonprem.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing artifactregistry.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing cloudresourcemanager.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing compute.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing connectgateway.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing containerregistry.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing gkeonprem.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing iam.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing opsconfigmonitoring.googleapis.com
#   - enforced accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing servicecontrol.googleapis.com
#     why: already staged in the dry-run spec of accessPolicies/587139914682/servicePerimeters/gdc_prod
#     step: enforce it: gcloud access-context-manager perimeters dry-run enforce gdc_prod --policy=587139914682 (enforces everything staged in that spec; review it first with 'perimeters dry-run describe'), or plan with --stage enforce
# Verify afterwards (no dry-run finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# Nothing is written unless every perimeter below is still as it was read.
expect_etag() { # PERIMETER POLICY ETAG
  local now want
  want="$(printf '%s' "$3")" # compared as $(...) leaves both: trailing newlines cut
  now="$(gcloud access-context-manager perimeters describe "$1" --policy="$2" --format='value(etag)')"
  if [[ "$now" != "$want" ]]; then
    echo "vpcsc-audit plan: perimeter $1 of policy $2 changed since it was read (etag $now, not $want): nothing was changed; audit and plan again." >&2
    exit 1
  fi
}
expect_etag gdc_prod 587139914682 BwYdK3f1c0ffee5d2e77

# --- accessPolicies/587139914682/servicePerimeters/gdc_prod (title: gdc-prod)
# NOTE: its dry-run spec differs from its enforced status beyond these fixes (restrictedServices, vpcAccessibleServices): 'dry-run enforce' would enforce those differences too
gcloud access-context-manager perimeters dry-run update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=containerregistry.googleapis.com,opsconfigmonitoring.googleapis.com \
    --etag=BwYdK3f1c0ffee5d2e77

# Next step, once the dry-run config has run long enough: look for dry-run violations in
# the audit logs (Logs Explorer: protoPayload.metadata.dryRun="true" with
# protoPayload.metadata.@type="type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata").
# WARNING: 'dry-run enforce' enforces EVERYTHING staged in the perimeter's spec, including
# changes staged by others. Review it first:
#   gcloud access-context-manager perimeters dry-run describe gdc_prod --policy=587139914682
# then enforce:
# gcloud access-context-manager perimeters dry-run enforce gdc_prod --policy=587139914682
