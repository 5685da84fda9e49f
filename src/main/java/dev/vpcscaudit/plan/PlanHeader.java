package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines both renderers put in a plan's header comment about what the plan does not fix and why
 * it chose what it did. Plain text: each renderer escapes it for its comment syntax.
 */
public final class PlanHeader {

  private PlanHeader() {}

  /**
   * The comment lines above a change held back by the audit logs (plain text; each renderer escapes
   * it for its comment syntax): how many requests the perimeter's dry-run config denied, in what
   * read, each kind of denial, and what to do; {@code what} names what follows ("commands" or
   * "blocks").
   */
  public static List<String> heldBack(
      FixPlan plan, PerimeterChange change, String what, Messages m) {
    String name = change.before().name();
    dev.vpcscaudit.audit.Violations read = plan.gate().read();
    long n = read.deniedCount(name, true);
    List<String> out = new ArrayList<>();
    out.add(m.get(n == 1 ? "plan.held.denied.one" : "plan.held.denied", n, read.source().in(m)));
    for (Text line : read.denied(name, true)) {
      out.add("  " + line.in(m));
    }
    out.add(m.get("plan.held.admit", m.get("plan.held." + what)));
    return out;
  }

  /** What the audit logs read for the plan say about enforcing it. */
  static List<String> gate(FixPlan plan, Messages m) {
    FixPlan.Gate gate = plan.gate();
    if (gate == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add(m.get("plan.audit-logs", gate.read().summary().in(m)));
    if (plan.stage() != Stage.ENFORCE || plan.perimeters().isEmpty()) {
      return out;
    }
    List<String> denied =
        plan.perimeters().stream()
            .map(c -> c.before().name())
            .filter(n -> gate.read().deniedCount(n, true) > 0)
            .toList();
    if (denied.isEmpty()) {
      out.add(m.get("plan.gate.none"));
    } else if (gate.accepted()) {
      out.add(m.get("plan.gate.accepted", String.join(", ", denied)));
    } else {
      out.add(m.get("plan.gate.held", String.join(", ", denied)));
    }
    return out;
  }

  public static List<String> lines(FixPlan plan, Messages m) {
    List<String> out = new ArrayList<>();
    if (plan.stage() == Stage.ENFORCE && !plan.perimeters().isEmpty()) {
      out.add(m.get("plan.restrictive"));
    }
    // Whose traffic the change restricts besides the audited projects': every other project and
    // network the touched perimeters hold.
    java.util.Set<String> audited = new java.util.HashSet<>();
    plan.projects().stream().filter(p -> p.hasNumber()).forEach(p -> audited.add(p.resourceName()));
    for (PerimeterChange change : plan.perimeters()) {
      java.util.Set<String> others = new java.util.TreeSet<>();
      others.addAll(change.before().enforcedConfig().resources());
      if (change.before().spec() != null) {
        others.addAll(change.before().spec().resources());
      }
      others.removeAll(audited);
      if (!others.isEmpty()) {
        out.add(m.get("plan.also-holds", change.before().name(), String.join(", ", others)));
      }
    }
    for (Text note : plan.notes()) {
      out.add(m.get("plan.note", note.in(m)));
    }
    out.addAll(gate(plan, m));
    // With many projects, a perimeter's finding is reported once per project it holds: list once.
    Map<String, java.util.Set<String>> byStep = new LinkedHashMap<>();
    for (Planner.Unfixed u : plan.unfixed()) {
      Finding f = u.finding();
      byStep
          .computeIfAbsent(
              u.remedy().reason().in(m) + "\n" + u.remedy().step().in(m),
              k -> new java.util.LinkedHashSet<>())
          .add(
              "  - "
                  + m.get("mode." + f.mode().label())
                  + " "
                  + (f.resource() != null
                      ? f.resource()
                      : f.perimeter() == null ? u.project().resourceName() : f.perimeter())
                  + ": "
                  + f.rule().id()
                  + (f.service() == null ? "" : " " + f.service()));
    }
    if (byStep.isEmpty()) {
      return out;
    }
    int n = byStep.values().stream().mapToInt(java.util.Set::size).sum();
    out.add(m.get(n == 1 ? "plan.unfixed.one" : "plan.unfixed", n, plan.stage().label()));
    for (Map.Entry<String, java.util.Set<String>> e : byStep.entrySet()) {
      String[] reasonAndStep = e.getKey().split("\n", 2);
      out.addAll(e.getValue());
      out.add("    " + m.get("plan.why", reasonAndStep[0]));
      out.add("    " + m.get("plan.step", reasonAndStep[1]));
    }
    return out;
  }

  /**
   * Appends a comment of several lines from the bundle (split where the message has a line break),
   * each line {@code # }-prefixed: the comment syntax of both bash and HCL. The message holds no
   * value from input.
   */
  static void comment(StringBuilder out, String text) {
    for (String line : text.split("\n", -1)) {
      out.append("# ").append(line).append('\n');
    }
  }

  /** The closing comment of a plan that changes nothing. */
  static String nothingToChange(FixPlan plan, Messages m) {
    if (plan.unfixed().isEmpty()) {
      return m.get(plan.stage() == Stage.DRY_RUN ? "plan.nothing.dry-run" : "plan.nothing.enforce");
    }
    return m.get("plan.nothing-to-change", plan.stage().label());
  }
}
