# Fix plan by vpcsc-audit: Terraform, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
#
# Nothing to fix: the audit finds nothing in the dry-run config. This file declares nothing.
