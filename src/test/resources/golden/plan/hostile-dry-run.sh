#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# What it changes: the dry-run config (spec) of 1 perimeter.
# It only adds: no resource, access level, service or ingress/egress rule is removed.
# It first checks that no perimeter it touches changed since it was read (etag), and
# writes nothing if one did; before each write it checks that the perimeter holds only
# what this script changed, and stops otherwise, saying what it had changed.
# Verify afterwards (no dry-run finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# Concurrent edits (docs/plans.md, "How a plan protects concurrent edits"): nothing is written
# unless every perimeter below is still as the plan read it; each write then checks that its
# perimeter holds only what this script itself changed, and carries the etag it just read.
fields='json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)'
names=(accessPolicies/111/servicePerimeters/gdc)
state=()   # per step: todo, partly (some of its writes made), done
for i in "${!names[@]}"; do state[$i]=todo; done
describe() { gcloud access-context-manager perimeters describe "$1" --policy="$2" --format="$3"; }
stop() { # MESSAGE
  local i
  echo "vpcsc-audit plan: $1" >&2
  for i in "${!names[@]}"; do
    case "${state[$i]}" in
      done) echo "  changed: ${names[$i]}" >&2 ;;
      partly) echo "  partly changed (some of its commands ran): ${names[$i]}" >&2 ;;
      *) echo "  not changed: ${names[$i]}" >&2 ;;
    esac
  done
  echo "  to go on from here, audit and plan again: vpcsc-audit plan --project gdc-prod --as gcloud" >&2
  exit 1
}
check() { # STEP PERIMETER POLICY PLANNED_ETAG (empty: none was read)
  local content etag want
  content="$(describe "$2" "$3" "$fields")" || stop "cannot read perimeter $2 of policy $3: nothing was changed"
  etag="$(describe "$2" "$3" 'value(etag)')" || stop "cannot read perimeter $2 of policy $3: nothing was changed"
  want="$(printf '%s' "$4")" # compared as $(...) leaves both: trailing newlines cut
  if [[ -n "$4" && "$etag" != "$want" ]]; then
    stop "perimeter $2 of policy $3 changed since it was read, or another perimeter of its policy did (etag $etag, not $want; Access Context Manager may scope etags to the policy): nothing was changed"
  fi
  printf -v "seen_$1" '%s' "$content"
}
write() { # STEP PERIMETER POLICY GCLOUD-COMMAND... (without --etag)
  local step="$1" perimeter="$2" policy="$3" seen="seen_$1" etag content result
  shift 3
  etag="$(describe "$perimeter" "$policy" 'value(etag)')" || stop "cannot read perimeter $perimeter of policy $policy before writing it"
  content="$(describe "$perimeter" "$policy" "$fields")" || stop "cannot read perimeter $perimeter of policy $policy before writing it"
  if [[ "$content" != "${!seen}" ]]; then
    stop "perimeter $perimeter of policy $policy was changed by someone else while this script ran: it was not written"
  fi
  result="$("$@" --etag="$etag" --format="$fields")" || stop "gcloud could not write perimeter $perimeter of policy $policy (its message is above)"
  printf -v "$seen" '%s' "$result" # what this script's own write left
  state[$step]=partly
}
step() { # STEP COMMAND...: a network command, which has no etag
  local step="$1"
  shift
  "$@" || stop "this command failed (its message is above): ${names[$step]}"
  state[$step]=partly
}
finished() { state[$1]=done; }
check 0 gdc 111 ''\''; touch pwned-etag; echo '\''$(id)`id`
'

# --- accessPolicies/111/servicePerimeters/gdc (title: it's "quoted" $(touch pwned-title) `touch pwned-tick`; rm -rf ~ \\ end)
# The perimeter has no explicit dry-run spec: gcloud first copies its enforced status into one.
write 0 gdc 111 gcloud access-context-manager perimeters dry-run update gdc \
    --policy=111 \
    --add-restricted-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com,containerregistry.googleapis.com,gkeconnect.googleapis.com,gkehub.googleapis.com,gkeonprem.googleapis.com,iam.googleapis.com,monitoring.googleapis.com,opsconfigmonitoring.googleapis.com,servicecontrol.googleapis.com,storage.googleapis.com \
    --enable-vpc-accessible-services \
    --add-vpc-allowed-services=RESTRICTED-SERVICES
finished 0

# Next step, once the dry-run config has seen a normal week: save the project's VPC Service
# Controls denials from the audit logs, and audit them: a dry-run-violations finding lists
# what enforcing a perimeter's spec would block (docs/checks.md).
#   gcloud logging read 'log_id("cloudaudit.googleapis.com/policy") AND protoPayload.metadata."@type"="type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata"' --project=gdc-prod --freshness=7d --format=json > violations.json
#   vpcsc-audit audit --project gdc-prod --violations-file violations.json
# or both in one, live (needs roles/logging.viewer):
#   vpcsc-audit audit --project gdc-prod --violations 7d
# WARNING: 'dry-run enforce' enforces EVERYTHING staged in the perimeter's spec, including
# changes staged by others. Review it first:
#   gcloud access-context-manager perimeters dry-run describe gdc --policy=111
# then enforce:
# gcloud access-context-manager perimeters dry-run enforce gdc --policy=111
