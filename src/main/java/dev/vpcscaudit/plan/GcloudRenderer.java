package dev.vpcscaudit.plan;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.error.BadInputException;
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

  /**
   * The fields of a config that gcloud's {@code perimeters dry-run update} loses when it copies the
   * enforced config into a new dry-run spec (a perimeter without an explicit spec): gcloud 528's v1
   * model has no {@code vpcAccessibleServices.allowedServicePatterns} or {@code
   * servicePatternsEnforcementScopes}, so the copy and its update mask leave them out (observed
   * with the real gcloud against the test fake; RealGcloudPlanTest keeps it true).
   */
  static final List<String> LOST_BY_GCLOUD_SPEC_COPY =
      List.of(
          "vpcAccessibleServices.allowedServicePatterns",
          "vpcAccessibleServices.servicePatternsEnforcementScopes");

  public static String render(FixPlan plan) {
    for (PerimeterChange change : plan.perimeters()) {
      refuseLossyCopy(change);
    }
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
    if (!plan.perimeters().isEmpty()) {
      preflight(plan, out);
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
    if (!plan.networkActions().isEmpty()) {
      out.append(
          "\n# --- the network (no dry-run mode: these take effect at once; each only adds)\n");
      for (dev.vpcscaudit.network.NetworkAction action : plan.networkActions()) {
        out.append(dev.vpcscaudit.network.NetworkGcloud.command(action)).append('\n');
      }
    }
    if (plan.stage() == Stage.DRY_RUN && !plan.perimeters().isEmpty()) {
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

  /**
   * Before any write, every perimeter the script touches is read again (a read-only {@code
   * describe}) and its etag compared with the one the plan was made from: if any changed, the
   * script stops having written nothing. The first command of each perimeter also carries {@code
   * --etag}, so a change in between the check and the write is refused by the API too.
   */
  private static void preflight(FixPlan plan, StringBuilder out) {
    List<ServicePerimeter> checked =
        plan.perimeters().stream()
            .map(PerimeterChange::before)
            .filter(p -> !p.etag().isEmpty())
            .toList();
    List<ServicePerimeter> unchecked =
        plan.perimeters().stream()
            .map(PerimeterChange::before)
            .filter(p -> p.etag().isEmpty())
            .toList();
    if (!unchecked.isEmpty()) {
      out.append("\n# No etag was read for ")
          .append(
              Shell.comment(
                  String.join(", ", unchecked.stream().map(ServicePerimeter::name).toList())))
          .append(
              ": the script cannot tell whether it changed since (export with a version that keeps etags).\n");
    }
    if (checked.isEmpty()) {
      return;
    }
    out.append("\n# Nothing is written unless every perimeter below is still as it was read.\n")
        .append("expect_etag() { # PERIMETER POLICY ETAG\n")
        .append("  local now want\n")
        .append(
            "  want=\"$(printf '%s' \"$3\")\" # compared as $(...) leaves both: trailing newlines cut\n")
        .append(
            "  now=\"$(gcloud access-context-manager perimeters describe \"$1\" --policy=\"$2\" --format='value(etag)')\"\n")
        .append("  if [[ \"$now\" != \"$want\" ]]; then\n")
        .append(
            "    echo \"vpcsc-audit plan: perimeter $1 of policy $2 changed since it was read (etag $now, not $want): nothing was changed; audit and plan again.\" >&2\n")
        .append("    exit 1\n")
        .append("  fi\n")
        .append("}\n");
    for (ServicePerimeter p : checked) {
      out.append("expect_etag ")
          .append(Shell.quote(p.shortName()))
          .append(' ')
          .append(Shell.quote(p.policyNumber()))
          .append(' ')
          .append(Shell.quote(p.etag()))
          .append('\n');
    }
  }

  /** A gcloud command must never lose a field: refuse the perimeter, naming the field. */
  private static void refuseLossyCopy(PerimeterChange change) {
    ServicePerimeter p = change.before();
    boolean copies =
        !p.useExplicitDryRunSpec() && change.changes().stream().anyMatch(ConfigChange::spec);
    if (!copies || p.status() == null || p.status().vpcAccessibleServices() == null) {
      return;
    }
    var vpc = p.status().vpcAccessibleServices();
    List<String> lost = new ArrayList<>();
    if (!vpc.allowedServicePatterns().isEmpty()) {
      lost.add("status." + LOST_BY_GCLOUD_SPEC_COPY.get(0));
    }
    if (!vpc.servicePatternsEnforcementScopes().isEmpty()) {
      lost.add("status." + LOST_BY_GCLOUD_SPEC_COPY.get(1));
    }
    if (!lost.isEmpty()) {
      throw new BadInputException(
          p.name()
              + ": it has no explicit dry-run spec, and gcloud's 'perimeters dry-run update' would"
              + " create one from the enforced config without "
              + String.join(" and ", lost)
              + ": use --as terraform, which writes the whole spec, or --stage enforce");
    }
  }

  private static void header(FixPlan plan, StringBuilder out) {
    out.append("# Fix plan by ")
        .append(ToolVersion.NAME)
        .append(": gcloud, stage ")
        .append(plan.stage().label())
        .append('\n');
    out.append("# ")
        .append(plan.subjectLabel())
        .append(": ")
        .append(Shell.comment(plan.subject()))
        .append("   Profile: ")
        .append(Shell.comment(plan.profile().name()))
        .append('\n');
    if (!plan.perimeters().isEmpty()) {
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
              "# It first checks that no perimeter it touches changed since it was read (etag), and\n")
          .append("# writes nothing if one did; then audit and plan again.\n");
    }
    if (!plan.networkActions().isEmpty()) {
      out.append("# The network: ")
          .append(plan.networkActions().size())
          .append(plan.networkActions().size() == 1 ? " command" : " commands")
          .append(
              " that add what the restricted VIP's path lacks (a route, Cloud Router\n"
                  + "# advertisement, Cloud DNS zone, record or policy); nothing existing is removed.\n");
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
