package dev.vpcscaudit.plan;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.ApiOperation;
import dev.vpcscaudit.model.EgressPolicy;
import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ServicePattern;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.Source;
import dev.vpcscaudit.model.VpcAccessibleServices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link FixPlan} as Terraform: for each perimeter to change, a {@code
 * google_access_context_manager_service_perimeter} that reproduces the WHOLE perimeter with the
 * fixes merged in, and an {@code import} block (Terraform >= 1.5) so that {@code terraform plan}
 * adopts the existing perimeter. Attribute names follow the google provider's schema (magic-modules
 * {@code mmv1/products/accesscontextmanager/ServicePerimeter.yaml}: {@code ingress_policies.title},
 * {@code ingress_to.roles}, {@code egress_from.sources}, {@code egress_from.source_restriction},
 * {@code vpc_accessible_services.allowed_service_patterns}, ...).
 *
 * <p>The resource is authoritative: whatever it omits, Terraform deletes. A perimeter that holds a
 * field this renderer cannot reproduce is refused, never rendered without it.
 */
public final class TerraformRenderer {

  static final String TYPE = "google_access_context_manager_service_perimeter";

  private TerraformRenderer() {}

  public static String render(FixPlan plan) {
    for (PerimeterChange change : plan.perimeters()) {
      List<String> unmodeled = change.before().unmodeledFields();
      if (!unmodeled.isEmpty()) {
        throw new BadInputException(
            change.before().name()
                + ": the read holds "
                + String.join(", ", unmodeled)
                + ", which vpcsc-audit cannot reproduce in Terraform; refusing to write a resource that"
                + " would delete it (use --as gcloud, which only adds)");
      }
    }
    StringBuilder out = new StringBuilder();
    String project =
        plan.project().resourceName()
            + (plan.project().id() == null ? "" : " (" + plan.project().id() + ")");
    out.append("# Fix plan by ")
        .append(ToolVersion.NAME)
        .append(": Terraform, stage ")
        .append(plan.stage().label())
        .append('\n');
    out.append("# Project: ")
        .append(Hcl.comment(project))
        .append("   Profile: ")
        .append(Hcl.comment(plan.profile().name()))
        .append('\n');
    List<String> header = PlanHeader.lines(plan);
    if (!header.isEmpty()) {
      out.append("#\n");
      for (String line : header) {
        out.append("# ").append(Hcl.comment(line)).append('\n');
      }
    }
    if (plan.isEmpty()) {
      out.append("#\n# ")
          .append(Hcl.comment(PlanHeader.nothingToChange(plan)))
          .append(" This file declares nothing.\n");
      return out.toString();
    }
    out.append("#\n")
        .append(
            "# Each resource below reproduces the WHOLE perimeter as it was read, with the fixes merged in.\n")
        .append(
            "# google_access_context_manager_service_perimeter is AUTHORITATIVE for the whole perimeter:\n")
        .append(
            "# anything missing from it (a resource, an access level, an ingress or egress rule) is deleted\n")
        .append(
            "# on apply. Run `terraform plan` and check that it only adds what the comments say.\n")
        .append(
            "# Needs Terraform >= 1.5 (import blocks) and the google provider; with user credentials set\n")
        .append("# billing_project and user_project_override = true in the provider block.\n")
        .append("# Verify afterwards: ")
        .append(Hcl.comment(plan.verifyCommand()))
        .append('\n');

    Map<String, Integer> used = new HashMap<>();
    for (PerimeterChange change : plan.perimeters()) {
      ServicePerimeter before = change.before();
      ServicePerimeter after = change.after();
      String address = address(before, used);
      out.append('\n');
      out.append("# ")
          .append(before.name())
          .append(": ")
          .append(Hcl.comment(describe(change)))
          .append('\n');
      for (String note : change.notes()) {
        out.append("# NOTE: ").append(Hcl.comment(note)).append('\n');
      }
      out.append("import {\n");
      out.append("  to = ").append(TYPE).append('.').append(address).append('\n');
      out.append("  id = ").append(Hcl.string(before.name())).append('\n');
      out.append("}\n\n");
      out.append("resource \"").append(TYPE).append("\" \"").append(address).append("\" {\n");
      out.append("  parent         = ").append(Hcl.string(before.policy())).append('\n');
      out.append("  name           = ").append(Hcl.string(before.name())).append('\n');
      out.append("  title          = ").append(Hcl.string(before.title())).append('\n');
      if (!before.description().isEmpty()) {
        out.append("  description    = ").append(Hcl.string(before.description())).append('\n');
      }
      out.append("  perimeter_type = ").append(Hcl.string(before.type().apiValue())).append('\n');
      if (after.status() != null) {
        config("status", after.status(), out);
      }
      if (after.useExplicitDryRunSpec() && after.spec() != null) {
        config("spec", after.spec(), out);
      }
      out.append("\n  use_explicit_dry_run_spec = ")
          .append(after.useExplicitDryRunSpec())
          .append('\n');
      out.append("}\n");
    }
    return out.toString();
  }

  /** A Terraform identifier from the perimeter's short name, unique within the file. */
  static String address(ServicePerimeter p, Map<String, Integer> used) {
    String base = p.shortName().replaceAll("[^A-Za-z0-9_]", "_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
      base = "p_" + base;
    }
    int n = used.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "_" + p.policyNumber() + (n > 2 ? "_" + n : "");
  }

  private static String describe(PerimeterChange change) {
    StringBuilder s = new StringBuilder();
    for (ConfigChange c : change.changes()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(c.spec() ? "spec" : "status").append(" adds");
      if (!c.addResources().isEmpty()) {
        s.append(" resources ").append(String.join(", ", c.addResources()));
      }
      if (!c.addRestrictedServices().isEmpty()) {
        s.append(" restricted services ").append(String.join(", ", c.addRestrictedServices()));
      }
      if (c.enableVpcRestriction()) {
        s.append(" enable_restriction = true");
      }
      if (!c.addVpcAllowedServices().isEmpty()) {
        s.append(" allowed services ").append(String.join(", ", c.addVpcAllowedServices()));
      }
    }
    return s.toString();
  }

  private static void config(String block, PerimeterConfig c, StringBuilder out) {
    out.append('\n').append("  ").append(block).append(" {\n");
    String in = "    ";
    list(in, "resources", c.resources(), out);
    list(in, "access_levels", c.accessLevels(), out);
    list(in, "restricted_services", c.restrictedServices(), out);
    if (c.vpcAccessibleServices() != null) {
      VpcAccessibleServices v = c.vpcAccessibleServices();
      out.append(in).append("vpc_accessible_services {\n");
      out.append(in).append("  enable_restriction = ").append(v.enableRestriction()).append('\n');
      list(in + "  ", "allowed_services", v.allowedServices(), out);
      for (ServicePattern sp : v.allowedServicePatterns()) {
        out.append(in).append("  allowed_service_patterns {\n");
        attr(in + "    ", "service", sp.service(), out);
        attr(in + "    ", "pattern", sp.pattern(), out);
        out.append(in).append("  }\n");
      }
      list(
          in + "  ",
          "service_patterns_enforcement_scopes",
          v.servicePatternsEnforcementScopes(),
          out);
      out.append(in).append("}\n");
    }
    for (IngressPolicy p : c.ingressPolicies()) {
      out.append(in).append("ingress_policies {\n");
      String i2 = in + "  ";
      attr(i2, "title", p.title(), out);
      if (p.from() != null) {
        out.append(i2).append("ingress_from {\n");
        attr(i2 + "  ", "identity_type", p.from().identityType(), out);
        list(i2 + "  ", "identities", p.from().identities(), out);
        sources(i2 + "  ", p.from().sources(), out);
        out.append(i2).append("}\n");
      }
      if (p.to() != null) {
        out.append(i2).append("ingress_to {\n");
        list(i2 + "  ", "resources", p.to().resources(), out);
        list(i2 + "  ", "roles", p.to().roles(), out);
        operations(i2 + "  ", p.to().operations(), out);
        out.append(i2).append("}\n");
      }
      out.append(in).append("}\n");
    }
    for (EgressPolicy p : c.egressPolicies()) {
      out.append(in).append("egress_policies {\n");
      String i2 = in + "  ";
      attr(i2, "title", p.title(), out);
      if (p.from() != null) {
        out.append(i2).append("egress_from {\n");
        attr(i2 + "  ", "identity_type", p.from().identityType(), out);
        list(i2 + "  ", "identities", p.from().identities(), out);
        sources(i2 + "  ", p.from().sources(), out);
        attr(i2 + "  ", "source_restriction", p.from().sourceRestriction(), out);
        out.append(i2).append("}\n");
      }
      if (p.to() != null) {
        out.append(i2).append("egress_to {\n");
        list(i2 + "  ", "resources", p.to().resources(), out);
        list(i2 + "  ", "external_resources", p.to().externalResources(), out);
        list(i2 + "  ", "roles", p.to().roles(), out);
        operations(i2 + "  ", p.to().operations(), out);
        out.append(i2).append("}\n");
      }
      out.append(in).append("}\n");
    }
    out.append("  }\n");
  }

  private static void sources(String in, List<Source> sources, StringBuilder out) {
    for (Source s : sources) {
      out.append(in).append("sources {\n");
      attr(in + "  ", "access_level", s.accessLevel(), out);
      attr(in + "  ", "resource", s.resource(), out);
      out.append(in).append("}\n");
    }
  }

  private static void operations(String in, List<ApiOperation> operations, StringBuilder out) {
    for (ApiOperation op : operations) {
      out.append(in).append("operations {\n");
      attr(in + "  ", "service_name", op.serviceName(), out);
      for (ApiOperation.MethodSelector m : op.methodSelectors()) {
        out.append(in).append("  method_selectors {\n");
        attr(in + "    ", "method", m.method(), out);
        attr(in + "    ", "permission", m.permission(), out);
        out.append(in).append("  }\n");
      }
      out.append(in).append("}\n");
    }
  }

  private static void attr(String in, String name, String value, StringBuilder out) {
    if (!value.isEmpty()) {
      out.append(in).append(name).append(" = ").append(Hcl.string(value)).append('\n');
    }
  }

  private static void list(String in, String name, List<String> values, StringBuilder out) {
    if (values.size() == 1) {
      out.append(in).append(name).append(" = ").append(Hcl.list(values)).append('\n');
    } else if (!values.isEmpty()) {
      out.append(in).append(name).append(" = [\n");
      for (String v : values) {
        out.append(in).append("  ").append(Hcl.string(v)).append(",\n");
      }
      out.append(in).append("]\n");
    }
  }
}
