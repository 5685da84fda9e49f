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
# NOTE: its dry-run spec differs from its enforced status beyond these fixes (vpcAccessibleServices): 'dry-run enforce' would enforce those differences too
gcloud access-context-manager perimeters update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=connectgateway.googleapis.com,containerregistry.googleapis.com,gkeonprem.googleapis.com,opsconfigmonitoring.googleapis.com \
    --add-vpc-allowed-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com,containerregistry.googleapis.com,gkeonprem.googleapis.com,iam.googleapis.com,opsconfigmonitoring.googleapis.com,servicecontrol.googleapis.com \
    --etag=BwYdK3f1c0ffee5d2e77
gcloud access-context-manager perimeters dry-run update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=containerregistry.googleapis.com,opsconfigmonitoring.googleapis.com
