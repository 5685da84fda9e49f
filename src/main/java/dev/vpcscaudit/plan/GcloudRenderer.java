package dev.vpcscaudit.plan;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link FixPlan} as a bash script of {@code gcloud access-context-manager perimeters}
 * commands. Only add-type flags are used: {@code --add-resources}, {@code
 * --add-restricted-services}, and the group {@code --enable-vpc-accessible-services
 * --add-vpc-allowed-services}, plus {@code --etag} (all in the SYNOPSIS of the Cloud SDK reference
 * pages for {@code perimeters update} and {@code perimeters dry-run update}). Every command names
 * {@code --policy} (gcloud's policy auto-detection fails with scoped policies), and every value
 * from the input is shell-quoted.
 */
public final class GcloudRenderer {

  private GcloudRenderer() {}

  public static String render(FixPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("#!/usr/bin/env bash\n");
    header(plan, out);
    out.append("set -euo pipefail\n");
    if (plan.isEmpty()) {
      out.append("\n# ")
          .append(Shell.comment(PlanHeader.nothingToChange(plan)))
          .append(" This script changes nothing.\n");
      return out.toString();
    }
    for (PerimeterChange change : plan.perimeters()) {
      ServicePerimeter p = change.before();
      out.append("\n# --- ").append(p.name());
      if (!p.title().isEmpty()) {
        out.append(" (title: ").append(Shell.comment(p.title())).append(')');
      }
      out.append('\n');
      for (String note : change.notes()) {
        out.append("# NOTE: ").append(Shell.comment(note)).append('\n');
      }
      boolean first = true;
      for (ConfigChange c : change.changes()) {
        if (c.spec() && !p.useExplicitDryRunSpec()) {
          out.append(
              "# The perimeter has no explicit dry-run spec: gcloud first copies its enforced status into one.\n");
        }
        command(p, c, first, out);
        first = false;
      }
    }
    if (plan.stage() == Stage.DRY_RUN) {
      out.append(
              "\n# Next step, once the dry-run config has run long enough: look for dry-run violations in\n")
          .append("# the audit logs (Logs Explorer: protoPayload.metadata.dryRun=\"true\" with\n")
          .append(
              "# protoPayload.metadata.@type=\"type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata\").\n")
          .append(
              "# WARNING: 'dry-run enforce' enforces EVERYTHING staged in the perimeter's spec, including\n")
          .append("# changes staged by others. Review it first:\n");
      for (PerimeterChange change : plan.perimeters()) {
        ServicePerimeter p = change.before();
        out.append("#   gcloud access-context-manager perimeters dry-run describe ")
            .append(Shell.quote(p.shortName()))
            .append(' ')
            .append(Shell.flag("--policy", p.policyNumber()))
            .append('\n');
      }
      out.append("# then enforce:\n");
      for (PerimeterChange change : plan.perimeters()) {
        ServicePerimeter p = change.before();
        out.append("# gcloud access-context-manager perimeters dry-run enforce ")
            .append(Shell.quote(p.shortName()))
            .append(' ')
            .append(Shell.flag("--policy", p.policyNumber()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static void header(FixPlan plan, StringBuilder out) {
    String project = plan.project().resourceName();
    if (plan.project().id() != null) {
      project += " (" + plan.project().id() + ")";
    }
    out.append("# Fix plan by ")
        .append(ToolVersion.NAME)
        .append(": gcloud, stage ")
        .append(plan.stage().label())
        .append('\n');
    out.append("# Project: ")
        .append(Shell.comment(project))
        .append("   Profile: ")
        .append(Shell.comment(plan.profile().name()))
        .append('\n');
    if (!plan.isEmpty()) {
      out.append("# What it changes: ")
          .append(
              plan.stage() == Stage.DRY_RUN
                  ? "the dry-run config (spec) of "
                  : "the enforced config (status), and any explicit dry-run spec, of ")
          .append(plan.perimeters().size())
          .append(plan.perimeters().size() == 1 ? " perimeter." : " perimeters.")
          .append(
              "\n# It only adds: no resource, access level, service or ingress/egress rule is removed.\n")
          .append(
              "# Each perimeter's first command carries the etag that was read, so it fails if the\n")
          .append("# perimeter changed since; then audit and plan again.\n");
    }
    for (String line : PlanHeader.lines(plan)) {
      out.append("# ").append(Shell.comment(line)).append('\n');
    }
    out.append("# Verify afterwards (")
        .append(
            plan.stage() == Stage.DRY_RUN
                ? "no dry-run finding should remain"
                : "no finding should remain")
        .append("):\n#   ")
        .append(Shell.comment(plan.verifyCommand()))
        .append('\n');
  }

  private static void command(
      ServicePerimeter p, ConfigChange c, boolean first, StringBuilder out) {
    List<String> args = new ArrayList<>();
    args.add(
        "gcloud access-context-manager perimeters "
            + (c.spec() ? "dry-run update " : "update ")
            + Shell.quote(p.shortName()));
    args.add(Shell.flag("--policy", p.policyNumber()));
    if (!c.addResources().isEmpty()) {
      args.add(Shell.flag("--add-resources", String.join(",", c.addResources())));
    }
    if (!c.addRestrictedServices().isEmpty()) {
      args.add(
          Shell.flag("--add-restricted-services", String.join(",", c.addRestrictedServices())));
    }
    if (c.enableVpcRestriction()) {
      args.add("--enable-vpc-accessible-services");
    }
    if (!c.addVpcAllowedServices().isEmpty()) {
      args.add(
          Shell.flag("--add-vpc-allowed-services", String.join(",", c.addVpcAllowedServices())));
    }
    if (first && !p.etag().isEmpty()) {
      args.add(Shell.flag("--etag", p.etag()));
    }
    out.append(String.join(" \\\n    ", args)).append('\n');
  }
}
