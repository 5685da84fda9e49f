# vpcsc-audit による修正プラン: Terraform、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
#
# 修正するものはありません: 監査はドライラン構成に何も見つけませんでした。このファイルは何も宣言しません。
