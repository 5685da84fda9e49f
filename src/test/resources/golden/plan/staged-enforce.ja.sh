#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ enforce
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# 変更するもの: 1 個のサービス境界の適用されている構成（status）と、明示的なドライラン構成（spec）。
# 追加だけを行います: リソース、アクセスレベル、サービス、上り（内向き）ルールと下り（外向き）ルールは削除しません。
# まず、対象のサービス境界が読んだときから変更されていないことを確認し（etag）、変更されていれば何も
# 書きません。各書き込みの前に、サービス境界がこのスクリプトの変更だけを含むことを確認し、そうでなければ
# 変更済みのものを示して停止します。
# 制限的、すぐに有効（RESTRICTIVE, TAKES EFFECT AT ONCE）: このプランは適用されている構成を変更します。先にドライラン構成にステージングしないため、これまでサービス境界が許可していたリクエストが、実行した時点から拒否される可能性があります。
# 実行後に確認してください（検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# 同時編集（docs/plans.md「How a plan protects concurrent edits」）: 以下のすべてのサービス境界が
# プランが読んだときのままでなければ何も書きません。各書き込みでは、サービス境界がこのスクリプト自身の
# 変更だけを含むことを確認し、直前に読んだ etag を付けます。
fields='json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)'
names=(accessPolicies/111/servicePerimeters/gdc)
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
  echo "  ここから続けるには、もう一度監査してプランを作成してください: vpcsc-audit plan --project gdc-prod --as gcloud --stage enforce" >&2
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
# accessPolicies/111/servicePerimeters/gdc の etag は読まれていません: プラン以降に変更されたかをスクリプトは判断できません（etag を保持するバージョンでエクスポートしてください）。
check 0 gdc 111 ''

# --- accessPolicies/111/servicePerimeters/gdc
write 0 gdc 111 gcloud access-context-manager perimeters update gdc \
    --policy=111 \
    --add-restricted-services=artifactregistry.googleapis.com,cloudresourcemanager.googleapis.com,compute.googleapis.com,connectgateway.googleapis.com
finished 0
