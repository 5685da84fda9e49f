# vpcsc-audit による修正プラン: Terraform、ステージ enforce
# プロジェクト: projects/123456789012 (gdc-prod)   プロファイル: gdc-bare-metal
#
# 制限的、すぐに有効（RESTRICTIVE, TAKES EFFECT AT ONCE）: このプランは適用されている構成を変更します。先にドライラン構成にステージングしないため、これまでサービス境界が許可していたリクエストが、実行した時点から拒否される可能性があります。
# accessPolicies/587139914682/servicePerimeters/gdc_prod は //compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect も含んでいます: この変更はそれらのトラフィックも制限します。
#
# 以下の各リソースは、読んだときのサービス境界「全体」を、修正を加えて再現します。
# google_access_context_manager_service_perimeter はサービス境界全体について信頼できる情報源（AUTHORITATIVE）です:
# ここにないもの（リソース、アクセスレベル、上り（内向き）ルールまたは下り（外向き）ルール）は apply で削除されます。
# `terraform plan` を実行し、コメントにあるものだけが追加されることを確認してください。
# Terraform 1.5 以上（import ブロック）と google プロバイダ 6.21.0 以上（title のため）。required_providers に: google = { source = "hashicorp/google", version = ">= 6.21.0" } が必要です。
# ユーザーの認証情報で使う場合は、provider ブロックに billing_project と user_project_override = true を設定してください。
# 実行後に確認してください: vpcsc-audit audit --project gdc-prod

# accessPolicies/587139914682/servicePerimeters/gdc_prod: status に追加: 保護されたサービス: connectgateway.googleapis.com, containerregistry.googleapis.com, gkeonprem.googleapis.com, opsconfigmonitoring.googleapis.com。VPC のアクセス可能なサービスの許可リスト: artifactregistry.googleapis.com, cloudresourcemanager.googleapis.com, compute.googleapis.com, connectgateway.googleapis.com, containerregistry.googleapis.com, gkeonprem.googleapis.com, iam.googleapis.com, opsconfigmonitoring.googleapis.com, servicecontrol.googleapis.com。spec に追加: 保護されたサービス: containerregistry.googleapis.com, opsconfigmonitoring.googleapis.com
# 注（NOTE）: ドライラン構成（spec）が、これらの修正以外にも適用されている構成（status）と異なります（vpcAccessibleServices）: 'dry-run enforce'（ドライラン構成の適用）ではそれらの違いも適用されます
import {
  to = google_access_context_manager_service_perimeter.gdc_prod
  id = "accessPolicies/587139914682/servicePerimeters/gdc_prod"
}

resource "google_access_context_manager_service_perimeter" "gdc_prod" {
  parent         = "accessPolicies/587139914682"
  name           = "accessPolicies/587139914682/servicePerimeters/gdc_prod"
  title          = "gdc-prod"
  description    = "Holds the project of the bare metal GDC cluster in the Frankfurt data centre."
  perimeter_type = "PERIMETER_TYPE_REGULAR"

  status {
    resources = [
      "projects/123456789012",
      "//compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect",
    ]
    access_levels = ["accessPolicies/587139914682/accessLevels/corp_datacenter_egress"]
    restricted_services = [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
      "connectgateway.googleapis.com",
      "containerregistry.googleapis.com",
      "gkeonprem.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services = [
        "logging.googleapis.com",
        "monitoring.googleapis.com",
        "storage.googleapis.com",
        "gkeconnect.googleapis.com",
        "gkehub.googleapis.com",
        "artifactregistry.googleapis.com",
        "cloudresourcemanager.googleapis.com",
        "compute.googleapis.com",
        "connectgateway.googleapis.com",
        "containerregistry.googleapis.com",
        "gkeonprem.googleapis.com",
        "iam.googleapis.com",
        "opsconfigmonitoring.googleapis.com",
        "servicecontrol.googleapis.com",
      ]
    }
    ingress_policies {
      title = "fleet admin from the data centre"
      ingress_from {
        identities = ["serviceAccount:gdc-fleet-admin@gdc-ops-4711.iam.gserviceaccount.com"]
        sources {
          access_level = "accessPolicies/587139914682/accessLevels/corp_datacenter_egress"
        }
      }
      ingress_to {
        operations {
          service_name = "gkehub.googleapis.com"
          method_selectors {
            method = "*"
          }
        }
        resources = ["*"]
      }
    }
  }

  spec {
    resources = [
      "projects/123456789012",
      "//compute.googleapis.com/projects/gdc-prod/global/networks/gdc-interconnect",
    ]
    access_levels = ["accessPolicies/587139914682/accessLevels/corp_datacenter_egress"]
    restricted_services = [
      "artifactregistry.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "compute.googleapis.com",
      "connectgateway.googleapis.com",
      "gkeconnect.googleapis.com",
      "gkehub.googleapis.com",
      "gkeonprem.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
      "monitoring.googleapis.com",
      "servicecontrol.googleapis.com",
      "storage.googleapis.com",
      "containerregistry.googleapis.com",
      "opsconfigmonitoring.googleapis.com",
    ]
    vpc_accessible_services {
      enable_restriction = true
      allowed_services   = ["RESTRICTED-SERVICES"]
    }
    ingress_policies {
      title = "fleet admin from the data centre"
      ingress_from {
        identities = ["serviceAccount:gdc-fleet-admin@gdc-ops-4711.iam.gserviceaccount.com"]
        sources {
          access_level = "accessPolicies/587139914682/accessLevels/corp_datacenter_egress"
        }
      }
      ingress_to {
        operations {
          service_name = "gkehub.googleapis.com"
          method_selectors {
            method = "*"
          }
        }
        resources = ["*"]
      }
    }
  }

  use_explicit_dry_run_spec = true
}
