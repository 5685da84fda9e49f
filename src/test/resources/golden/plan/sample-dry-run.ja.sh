#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# 変更するもの: 1 個のサービス境界のドライラン構成（spec）。
# 追加だけを行います: リソース、アクセスレベル、サービス、上り（内向き）ルールと下り（外向き）ルールは削除しません。
# まず、対象のサービス境界が読んだときから変更されていないことを確認し（etag）、変更されていれば何も
# 書きません。各書き込みの前に、サービス境界がこのスクリプトの変更だけを含むことを確認し、そうでなければ
# 変更済みのものを示して停止します。
# accessPolicies/587139914682/servicePerimeters/gdc_prod は //compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect も含んでいます: この変更はそれらのトラフィックも制限します。
# このプランで修正されないもの（検出結果 11 件。追加だけの dry-run の変更では修正できません）:
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted connectgateway.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: required-service-unrestricted gkeonprem.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing artifactregistry.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing cloudresourcemanager.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing compute.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing connectgateway.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing containerregistry.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing gkeonprem.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing iam.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing opsconfigmonitoring.googleapis.com
#   - 適用 accessPolicies/587139914682/servicePerimeters/gdc_prod: vpc-allowed-service-missing servicecontrol.googleapis.com
#     理由: accessPolicies/587139914682/servicePerimeters/gdc_prod のドライラン構成（spec）にステージング済みです
#     手順: 適用してください: gcloud access-context-manager perimeters dry-run enforce gdc_prod --policy=587139914682（その spec にステージングされたものがすべて適用されます。先に 'perimeters dry-run describe' で確認してください）。または --stage enforce でプランを作成してください
# 実行後に確認してください（ドライランの検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# 同時編集（docs/plans.md「How a plan protects concurrent edits」）: 以下のすべてのサービス境界が
# プランが読んだときのままでなければ何も書きません。各書き込みでは、サービス境界がこのスクリプト自身の
# 変更だけを含むことを確認し、直前に読んだ etag を付けます。
fields='json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)'
names=(accessPolicies/587139914682/servicePerimeters/gdc_prod)
state=()   # ステップごと: todo、partly（書き込みの一部を実行済み）、done
for i in "${!names[@]}"; do state[$i]=todo; done
describe() { gcloud access-context-manager perimeters describe "$1" --policy="$2" --format="$3"; }
stop() { # MESSAGE
  local i
  echo "vpcsc-audit plan: $1" >&2
  for i in "${!names[@]}"; do
    case "${state[$i]}" in
      done) echo "  変更済み: ${names[$i]}" >&2 ;;
      partly) echo "  一部変更済み（コマンドの一部を実行済み）: ${names[$i]}" >&2 ;;
      *) echo "  未変更: ${names[$i]}" >&2 ;;
    esac
  done
  echo "  ここから続けるには、もう一度監査してプランを作成してください: vpcsc-audit plan --project gdc-prod --as gcloud" >&2
  exit 1
}
check() { # STEP PERIMETER POLICY PLANNED_ETAG（空: 読み取れた etag なし）
  local content etag want
  content="$(describe "$2" "$3" "$fields")" || stop "ポリシー $3 のサービス境界 $2 を読み取れません。何も変更していません"
  etag="$(describe "$2" "$3" 'value(etag)')" || stop "ポリシー $3 のサービス境界 $2 を読み取れません。何も変更していません"
  want="$(printf '%s' "$4")" # $(...) の結果どうしで比較します（末尾の改行は除かれます）
  if [[ -n "$4" && "$etag" != "$want" ]]; then
    stop "ポリシー $3 のサービス境界 $2、または同じポリシーの別のサービス境界が読み取り後に変更されました（etag は $want ではなく $etag。Access Context Manager は etag をポリシー単位で扱うことがあります）。何も変更していません"
  fi
  printf -v "seen_$1" '%s' "$content"
}
write() { # STEP PERIMETER POLICY GCLOUD-COMMAND...（--etag なし）
  local step="$1" perimeter="$2" policy="$3" seen="seen_$1" etag content result
  shift 3
  etag="$(describe "$perimeter" "$policy" 'value(etag)')" || stop "書き込む前にポリシー $policy のサービス境界 $perimeter を読み取れません"
  content="$(describe "$perimeter" "$policy" "$fields")" || stop "書き込む前にポリシー $policy のサービス境界 $perimeter を読み取れません"
  if [[ "$content" != "${!seen}" ]]; then
    stop "このスクリプトの実行中に、ポリシー $policy のサービス境界 $perimeter が他者によって変更されました。書き込んでいません"
  fi
  result="$("$@" --etag="$etag" --format="$fields")" || stop "gcloud はポリシー $policy のサービス境界 $perimeter を書き込めませんでした（メッセージは上にあります）"
  printf -v "$seen" '%s' "$result" # このスクリプト自身の書き込みの結果
  state[$step]=partly
}
step() { # STEP COMMAND...: etag のないネットワークのコマンド
  local step="$1"
  shift
  "$@" || stop "このコマンドが失敗しました（メッセージは上にあります）: ${names[$step]}"
  state[$step]=partly
}
finished() { state[$1]=done; }
check 0 gdc_prod 587139914682 BwYdK3f1c0ffee5d2e77

# --- accessPolicies/587139914682/servicePerimeters/gdc_prod（タイトル: gdc-prod）
# 注（NOTE）: ドライラン構成（spec）が、これらの修正以外にも適用されている構成（status）と異なります（restrictedServices, vpcAccessibleServices）: 'dry-run enforce'（ドライラン構成の適用）ではそれらの違いも適用されます
write 0 gdc_prod 587139914682 gcloud access-context-manager perimeters dry-run update gdc_prod \
    --policy=587139914682 \
    --add-restricted-services=containerregistry.googleapis.com,opsconfigmonitoring.googleapis.com
finished 0

# 次の手順（ドライラン構成で通常の 1 週間が過ぎたら）: プロジェクトの VPC Service Controls による拒否を
# 監査ログから保存し、監査してください: dry-run-violations の検出結果に、サービス境界の spec を
# 適用するとブロックされるものが一覧されます（docs/checks.md）。
#   gcloud logging read 'log_id("cloudaudit.googleapis.com/policy") AND protoPayload.metadata."@type"="type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata"' --project=gdc-prod --freshness=7d --format=json > violations.json
#   vpcsc-audit audit --project gdc-prod --violations-file violations.json
# または両方を 1 回で、ライブで（roles/logging.viewer が必要）:
#   vpcsc-audit audit --project gdc-prod --violations 7d
# 警告（WARNING）: 'dry-run enforce'（ドライラン構成の適用）は、他の人がステージングした変更を含め、
# サービス境界の spec にステージングされたすべてを適用します。先に確認してください:
#   gcloud access-context-manager perimeters dry-run describe gdc_prod --policy=587139914682
# その後で適用:
# gcloud access-context-manager perimeters dry-run enforce gdc_prod --policy=587139914682
