#!/usr/bin/env bash
# Fix plan by vpcsc-audit: gcloud, stage dry-run
# Project: projects/123456789012 (gdc-prod)   Profile: gdc-bare-metal
# Verify afterwards (no dry-run finding should remain):
#   vpcsc-audit audit --project gdc-prod
set -euo pipefail

# Nothing to fix: the audit finds nothing in the dry-run config. This script changes nothing.
