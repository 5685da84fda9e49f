#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ enforce
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# 変更するもの: 1 個のサービス境界の適用されている構成（status）と、明示的なドライラン構成（spec）。
# 追加だけを行います: リソース、アクセスレベル、サービス、上り（内向き）ルールと下り（外向き）ルールは削除しません。
# まず、対象のサービス境界が読んだときから変更されていないことを確認し（etag）、変更されていれば何も
# 書きません。各書き込みの前に、サービス境界がこのスクリプトの変更だけを含むことを確認し、そうでなければ
# 変更済みのものを示して停止します。
# 制限的、すぐに有効（RESTRICTIVE, TAKES EFFECT AT ONCE）: このプランは適用されている構成を変更します。先にドライラン構成にステージングしないため、これまでサービス境界が許可していたリクエストが、実行した時点から拒否される可能性があります。
# accessPolicies/587139914682/servicePerimeters/gdc_prod は //compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect も含んでいます: この変更はそれらのトラフィックも制限します。
# 実行後に確認してください（検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# 同時編集（docs/plans.md「How a plan protects concurrent edits」）: 以下のすべてのサービス境界が
# プランが読んだときのままでなければ何も書きません。各書き込みでは、サービス境界がこのスクリプト自身の
# 変更だけを含むことを確認し、直前に読んだ etag を付けます。
fields='json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)'
names=(accessPolicies/587139914682/servicePerimeters/gdc_prod)
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
  echo "  to go on from here, audit and plan again: vpcsc-audit plan --project gdc-prod --as gcloud --stage enforce" >&2
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
check 0 gdc_prod 587139914682 BwYdK3f1c0ffee5d2e77

# --- accessPolicies/587139914682/servicePerimeters/gdc_prod（タイトル: gdc-prod）
# 注（NOTE）: ドライラン構成（spec）が、これらの修正以外にも適用されている構成（status）と異なります（vpcAccessibleServices）: 'dry-run enforce'（ドライラン構成の適用）ではそれらの違いも適用されます
write 0 gdc_prod 587139914682 gcloud access-context-manager perimeters update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=connectgateway.googleapis.com,containerregistry.googleapis.com,gkeonprem.googleapis.com,opsconfigmonitoring.googleapis.com \
    --add-vpc-allowed-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com,containerregistry.googleapis.com,gkeonprem.googleapis.com,iam.googleapis.com,opsconfigmonitoring.googleapis.com,servicecontrol.googleapis.com
write 0 gdc_prod 587139914682 gcloud access-context-manager perimeters dry-run update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=containerregistry.googleapis.com,opsconfigmonitoring.googleapis.com
finished 0
