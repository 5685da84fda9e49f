#!/usr/bin/env bash
# vpcsc-audit による修正プラン: gcloud、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
# 実行後に確認してください（ドライランの検出結果が残らないこと）:
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# 修正するものはありません: 監査はドライラン構成に何も見つけませんでした。このスクリプトは何も変更しません。
