# vpcsc-audit による修正プラン: Terraform、ステージ enforce
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
#
# 制限的、すぐに有効（RESTRICTIVE, TAKES EFFECT AT ONCE）: このプランは適用されている構成を変更します。先にドライラン構成にステージングしないため、これまでサービス境界が許可していたリクエストが、実行した時点から拒否される可能性があります。
#
# 以下の各リソースは、読んだときのサービス境界「全体」を、修正を加えて再現します。
# google_access_context_manager_service_perimeter はサービス境界全体について信頼できる情報源（AUTHORITATIVE）です:
# ここにないもの（リソース、アクセスレベル、上り（内向き）ルールまたは下り（外向き）ルール）は apply で削除されます。
# `terraform plan` を実行し、コメントにあるものだけが追加されることを確認してください。
# Terraform 1.5 以上（import ブロック）と google プロバイダ 5.0.0 以上。required_providers に: google = { source = "hashicorp/google", version = ">= 5.0.0" } が必要です。
# ユーザーの認証情報で使う場合は、provider ブロックに billing_project と user_project_override = true を設定してください。
# 実行後に確認してください: vpcsc-audit audit --project gdc-prod

# accessPolicies/111/servicePerimeters/gdc: status に追加: 保護されたサービス: artifactregistry.googleapis.com, cloudresourcemanager.googleapis.com, compute.googleapis.com, connectgateway.googleapis.com
import {
  to = google_access_context_manager_service_perimeter.gdc
  id = "accessPolicies/111/servicePerimeters/gdc"
}

resource "google_access_context_manager_service_perimeter" "gdc" {
  parent         = "accessPolicies/111"
  name           = "accessPolicies/111/servicePerimeters/gdc"
  title          = ""
  perimeter_type = "PERIMETER_TYPE_REGULAR"

  status {
    resources = ["projects/123456789012"]
    restricted_services = [
      "containerregistry.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "gkeonprem.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "connectgateway.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
  }

  spec {
    resources = ["projects/123456789012"]
    restricted_services = [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "connectgateway.googleapis.com",
      "containerregistry.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "gkeonprem.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
  }

  use_explicit_dry_run_spec = true
}
