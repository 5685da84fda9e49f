#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# このプランで修正されないもの（検出結果 4 件。追加だけの dry-run の変更では修正できません）:
#   - 適用 accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted artifactregistry.googleapis.com
#   - 適用 accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted cloudresourcemanager.googleapis.com
#   - 適用 accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted compute.googleapis.com
#   - 適用 accessPolicies/111/servicePerimeters/gdc: required-service-unrestricted connectgateway.googleapis.com
#     理由: accessPolicies/111/servicePerimeters/gdc のドライラン構成（spec）にステージング済みです
#     手順: 適用してください: gcloud access-context-manager perimeters dry-run enforce gdc --policy=111（その spec にステージングされたものがすべて適用されます。先に 'perimeters dry-run describe' で確認してください）。または --stage enforce でプランを作成してください
# 実行後に確認してください（ドライランの検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# ステージ dry-run で変更するものはありません: どの検出結果にも上記の手順が必要です。このスクリプトは何も変更しません。
