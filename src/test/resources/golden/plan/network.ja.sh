#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# ネットワーク: 制限付き VIP への経路に足りないもの（ルート、Cloud Router のアドバタイズ、Cloud DNS の
# ゾーン、レコード、ポリシー）を追加する 3 個のコマンド。既存のものは削除しません。
# 実行後に確認してください（ドライランの検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod --network projects/net-host/global/networks/gdc-net
set -euo pipefail

# 同時編集（docs/plans.md「How a plan protects concurrent edits」）: 以下のすべてのサービス境界が
# プランが読んだときのままでなければ何も書きません。各書き込みでは、サービス境界がこのスクリプト自身の
# 変更だけを含むことを確認し、直前に読んだ etag を付けます。
fields='json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)'
names=('ネットワーク: route vpcsc-restricted-vip in network https://www.googleapis.com/compute/v1/projects/net-host/global/networks/gdc-net（プロジェクト net-host）' 'ネットワーク: private zone googleapis (googleapis.com)（プロジェクト net-host）' 'ネットワーク: advertise the restricted VIP from router gdc-router in us-central1（プロジェクト net-host）')
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
  echo "  to go on from here, audit and plan again: vpcsc-audit plan --project gdc-prod --network projects/net-host/global/networks/gdc-net --as gcloud" >&2
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

# --- ネットワーク（ドライラン モードはありません: すぐに有効になります。どれも追加だけです）
step 0 gcloud compute routes create vpcsc-restricted-vip --project=net-host --network=gdc-net --destination-range=199.36.153.4/30 --next-hop-gateway=default-internet-gateway
finished 0
step 1 gcloud dns managed-zones create googleapis --project=net-host --dns-name=googleapis.com. --visibility=private --networks=gdc-net --description='Restricted VIP for googleapis.com'
finished 1
step 2 gcloud compute routers update gdc-router --project=net-host --region=us-central1 --advertisement-mode=CUSTOM --set-advertisement-groups=ALL_SUBNETS --set-advertisement-ranges=199.36.153.4/30
finished 2
