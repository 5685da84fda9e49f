# vpcsc-audit による修正プラン: Terraform、ステージ dry-run
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
#
# ここでは宣言していません: Cloud Router のアドバタイズや既存の DNS ポリシーを変更すると、vpcsc-audit が読んでいないフィールドについても信頼できる情報源となるリソースを取り込むことになります（そしてそれらを失います）。代わりに次を実行してください:
#   gcloud compute routers update gdc-router --project=net-host --region=us-central1 --advertisement-mode=CUSTOM --set-advertisement-groups=ALL_SUBNETS --set-advertisement-ranges=199.36.153.4/30
#
# ネットワークのリソースは新規です（ドライラン モードはありません: apply するとすぐに作成されます）。
# 既存のものを置き換えたり取り込んだりはしません。
# Terraform 1.5 以上（import ブロック）と google プロバイダ 5.0.0 以上。required_providers に: google = { source = "hashicorp/google", version = ">= 5.0.0" } が必要です。
# ユーザーの認証情報で使う場合は、provider ブロックに billing_project と user_project_override = true を設定してください。
# 実行後に確認してください: vpcsc-audit audit --project gdc-prod --network projects/net-host/global/networks/gdc-net

# デフォルト インターネット ゲートウェイへの制限付き VIP のルート。
resource "google_compute_route" "vpcsc_restricted_vip" {
  project          = "net-host"
  name             = "vpcsc-restricted-vip"
  network          = "https://www.googleapis.com/compute/v1/projects/net-host/global/networks/gdc-net"
  dest_range       = "199.36.153.4/30"
  next_hop_gateway = "default-internet-gateway"
}

# googleapis.com の限定公開ゾーン。
resource "google_dns_managed_zone" "googleapis" {
  project     = "net-host"
  name        = "googleapis"
  dns_name    = "googleapis.com."
  description = "Restricted VIP for googleapis.com"
  visibility  = "private"

  private_visibility_config {
    networks {
      network_url = "https://www.googleapis.com/compute/v1/projects/net-host/global/networks/gdc-net"
    }
  }
}
