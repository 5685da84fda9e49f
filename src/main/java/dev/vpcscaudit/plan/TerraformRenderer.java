package dev.vpcscaudit.plan;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.Wire;
import dev.vpcscaudit.model.WireEnum;
import dev.vpcscaudit.model.WireSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
    return render(plan, Messages.EN);
  }

  /**
   * As {@link #render(FixPlan)}, its comments in the language of {@code m}; the HCL is the same in
   * every language.
   */
  public static String render(FixPlan plan, Messages m) {
    for (PerimeterChange change : plan.perimeters()) {
      List<String> unmodeled = change.before().unmodeledFields();
      if (!unmodeled.isEmpty()) {
        throw BadInputException.at(
            change.before().name(), Text.of("tf.unmodeled", String.join(", ", unmodeled)));
      }
      ServicePerimeter after = change.after();
      dev.vpcscaudit.model.PerimeterConfig spec = after.spec();
      if (after.useExplicitDryRunSpec()
          && spec != null
          && spec.resources().isEmpty()
          && spec.accessLevels().isEmpty()
          && spec.restrictedServices().isEmpty()) {
        // The google provider refuses a spec block that sets none of these (as reported in issue
        // 17), so an explicit, empty dry-run spec has no Terraform form that keeps it as it is.
        throw BadInputException.at(after.name(), Text.of("tf.empty-spec"));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(m.get("tf.title-line", ToolVersion.NAME, plan.stage().label()))
        .append('\n');
    out.append("# ")
        .append(
            m.get(
                "plan.subject-line",
                plan.subjectLabel(m),
                Hcl.comment(plan.subject()),
                Hcl.comment(plan.profile().name())))
        .append('\n');
    List<String> header = new java.util.ArrayList<>(PlanHeader.lines(plan, m));
    header.addAll(NetworkTerraform.gcloudOnly(plan.networkActions(), m));
    if (!header.isEmpty()) {
      out.append("#\n");
      for (String line : header) {
        out.append("# ").append(Hcl.comment(line)).append('\n');
      }
    }
    if (plan.isEmpty()) {
      out.append("#\n# ")
          .append(Hcl.comment(PlanHeader.nothingToChange(plan, m)))
          .append(m.get("tf.declares-nothing"))
          .append('\n');
      return out.toString();
    }
    StringBuilder resources = new StringBuilder();
    ProviderVersion needs = new ProviderVersion();
    Map<String, Integer> used = new HashMap<>();
    for (PerimeterChange change : plan.perimeters()) {
      ServicePerimeter before = change.before();
      ServicePerimeter after = change.after();
      String address = address(before, used);
      resources.append('\n');
      resources
          .append("# ")
          .append(before.name())
          .append(": ")
          .append(Hcl.comment(describe(change, m)))
          .append('\n');
      for (Text note : change.notes()) {
        resources.append("# ").append(Hcl.comment(m.get("plan.note", note.in(m)))).append('\n');
      }
      StringBuilder block = new StringBuilder();
      block.append("import {\n");
      block.append("  to = ").append(TYPE).append('.').append(address).append('\n');
      block.append("  id = ").append(Hcl.string(before.name())).append('\n');
      block.append("}\n\n");
      block.append("resource \"").append(TYPE).append("\" \"").append(address).append("\" {\n");
      block.append("  parent = ").append(Hcl.string(before.policy())).append('\n');
      // An inherited dry-run config is the status itself: no spec block without an explicit one.
      body(
          after,
          "  ",
          "",
          f -> !f.json().equals("spec") || after.useExplicitDryRunSpec(),
          block,
          needs);
      block.append("}\n");
      if (plan.held(change)) {
        heldBack(plan, change, HclFormat.align(block.toString()), resources, m);
      } else {
        resources.append(block);
      }
    }
    if (!plan.perimeters().isEmpty()) {
      out.append("#\n");
      PlanHeader.comment(out, m.get("tf.authoritative"));
    }
    if (plan.networkActions().stream().anyMatch(NetworkTerraform::declarable)) {
      out.append("#\n");
      PlanHeader.comment(out, m.get("tf.network-new"));
    }
    PlanHeader.comment(out, m.get("tf.needs", needs.describe(m)));
    out.append("# ").append(m.get("tf.verify", Hcl.comment(plan.verifyCommand()))).append('\n');

    out.append(resources);
    NetworkTerraform.render(plan.networkActions(), out, m);
    return HclFormat.align(out.toString());
  }

  /**
   * A perimeter whose enforce change the audit logs hold back: its blocks commented out, line by
   * line, below what its dry-run config denied (see {@link FixPlan#held}).
   */
  private static void heldBack(
      FixPlan plan, PerimeterChange change, String block, StringBuilder out, Messages m) {
    out.append("# ").append(m.get("tf.held-back")).append('\n');
    for (String line : PlanHeader.heldBack(plan, change, "blocks", m)) {
      out.append("# ").append(Hcl.comment(line)).append('\n');
    }
    for (String line : block.strip().split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("# ").append(line).append('\n');
      } else {
        out.append("#\n");
      }
    }
  }

  /**
   * {@code config} as a block {@code name} of a perimeter resource (e.g. the {@code spec} a patch
   * adds), at {@code indent}, aligned as {@code terraform fmt} leaves it.
   */
  public static String configBlock(
      dev.vpcscaudit.model.PerimeterConfig config, String name, String indent) {
    StringBuilder out = new StringBuilder();
    out.append(indent).append(name).append(" {\n");
    body(config, indent + "  ", name, f -> true, out, new ProviderVersion());
    out.append(indent).append("}\n");
    return HclFormat.align(out.toString());
  }

  /** A Terraform identifier from the perimeter's short name, unique within the file. */
  static String address(ServicePerimeter p, Map<String, Integer> used) {
    String base = p.shortName().replaceAll("[^A-Za-z0-9_]", "_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
      base = "p_" + base;
    }
    // Unique against every address already given, not only against the same base: perimeters
    // a, a (of another policy) and a_2 must not give two resources named a_2.
    String candidate = used.containsKey(base) ? base + "_" + p.policyNumber() : base;
    String stem = candidate;
    for (int n = 2; used.containsKey(candidate); n++) {
      candidate = stem + "_" + n;
    }
    used.put(candidate, 1);
    return candidate;
  }

  private static String describe(PerimeterChange change, Messages m) {
    StringBuilder s = new StringBuilder();
    for (ConfigChange c : change.changes()) {
      if (s.length() > 0) {
        s.append(m.get("tf.describe.separator"));
      }
      // One clause per field, so that the lists cannot run into each other.
      List<String> clauses = new java.util.ArrayList<>();
      if (!c.addResources().isEmpty()) {
        clauses.add(m.get("tf.describe.resources", String.join(", ", c.addResources())));
      }
      if (!c.addRestrictedServices().isEmpty()) {
        clauses.add(m.get("tf.describe.restricted", String.join(", ", c.addRestrictedServices())));
      }
      if (c.enableVpcRestriction()) {
        clauses.add(m.get("tf.describe.vpc-enable"));
      }
      if (!c.addVpcAllowedServices().isEmpty()) {
        clauses.add(m.get("tf.describe.vpc-allowed", String.join(", ", c.addVpcAllowedServices())));
      }
      s.append(
          m.get(
              c.spec() && !change.before().useExplicitDryRunSpec()
                  ? "tf.describe.new-spec"
                  : c.spec() ? "tf.describe.spec" : "tf.describe.status",
              String.join(m.get("list.semicolon"), clauses)));
    }
    return s.toString();
  }

  /**
   * Writes the attributes and nested blocks of {@code r} by the model's {@link Wire} definition, in
   * field order. At the top level a blank line sets off each nested block, as in hand-written
   * Terraform; {@link HclFormat} then aligns the attributes as {@code terraform fmt} does.
   *
   * @param path the JSON path of {@code r}, for refusals
   */
  private static void body(
      Record r,
      String in,
      String path,
      Predicate<WireSchema.Field> include,
      StringBuilder out,
      ProviderVersion needs) {
    boolean top = in.equals("  ");
    boolean afterBlock = false;
    for (WireSchema.Field field : WireSchema.of(r.getClass()).fields()) {
      Object value = field.get(r);
      if (field.wire().outputOnly() || !include.test(field)) {
        continue;
      }
      String where = path.isEmpty() ? field.json() : path + "." + field.json();
      if (field.hcl().isEmpty()) {
        if (!field.isEmpty(value)) {
          throw new BadInputException(Text.of("tf.no-argument", where));
        }
        continue;
      }
      boolean always = field.wire().hclAlways();
      if (!field.isEmpty(value)) {
        needs.use(where, field.hcl());
      }
      switch (field.kind()) {
        case STRING, BOOL, ENUM -> {
          if (!always && field.isEmpty(value)) {
            continue;
          }
          if (top && afterBlock) {
            out.append('\n');
          }
          afterBlock = false;
          String literal =
              switch (field.kind()) {
                case STRING -> Hcl.string((String) value);
                case BOOL -> value.toString();
                default -> Hcl.string(((WireEnum) value).apiValue());
              };
          out.append(in).append(field.hcl()).append(" = ").append(literal).append('\n');
        }
        case STRING_LIST -> {
          @SuppressWarnings("unchecked")
          List<String> values = (List<String>) value;
          if (values.isEmpty()) {
            continue;
          }
          if (top && afterBlock) {
            out.append('\n');
          }
          afterBlock = false;
          list(in, field.hcl(), values, out);
        }
        case RECORD, RECORD_LIST -> {
          List<?> items =
              field.kind() == WireSchema.Kind.RECORD
                  ? (value == null ? List.of() : List.of(value))
                  : (List<?>) value;
          for (Object item : items) {
            if (top) {
              out.append('\n');
            }
            out.append(in).append(field.hcl()).append(" {\n");
            body((Record) item, in + "  ", where, f -> true, out, needs);
            out.append(in).append("}\n");
            afterBlock = true;
          }
        }
      }
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
