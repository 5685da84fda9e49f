#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# What it changes: the dry-run config (spec) of 1 perimeter.
# It only adds: no resource, access level, service or ingress/egress rule is removed.
# It first checks that no perimeter it touches changed since it was read (etag), and
# writes nothing if one did; then audit and plan again.
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
expect_etag gdc 111 ''\''; touch pwned-etag; echo '\''$(id)`id`
'

# --- accessPolicies/111/servicePerimeters/gdc (title: it's "quoted" $(touch pwned-title) `touch pwned-tick`; rm -rf ~ \\ end)
# The perimeter has no explicit dry-run spec: gcloud first copies its enforced status into one.
gcloud access-context-manager perimeters dry-run update gdc \
    --policy=111 \
    --add-restricted-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com,containerregistry.googleapis.com,gkeconnect.googleapis.com,gkehub.googleapis.com,gkeonprem.googleapis.com,iam.googleapis.com,monitoring.googleapis.com,opsconfigmonitoring.googleapis.com,servicecontrol.googleapis.com,storage.googleapis.com \
    --enable-vpc-accessible-services \
    --add-vpc-allowed-services=RESTRICTED-SERVICES \
    --etag=''\''; touch pwned-etag; echo '\''$(id)`id`
'

# Next step, once the dry-run config has run long enough: look for dry-run violations in
# the audit logs (Logs Explorer: protoPayload.metadata.dryRun="true" with
# protoPayload.metadata.@type="type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata").
# WARNING: 'dry-run enforce' enforces EVERYTHING staged in the perimeter's spec, including
# changes staged by others. Review it first:
#   gcloud access-context-manager perimeters dry-run describe gdc --policy=111
# then enforce:
# gcloud access-context-manager perimeters dry-run enforce gdc --policy=111
