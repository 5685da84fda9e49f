package dev.vpcscaudit.plan;

import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Stage;
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
  public static List<String> heldBack(FixPlan plan, PerimeterChange change, String what) {
    String name = change.before().name();
    dev.vpcscaudit.audit.Violations read = plan.gate().read();
    long n = read.deniedCount(name, true);
    List<String> out = new ArrayList<>();
    out.add(
        "Its dry-run config denied "
            + n
            + (n == 1 ? " request" : " requests")
            + " in "
            + read.source()
            + "; enforcing would refuse them:");
    for (String line : read.denied(name, true)) {
      out.add("  " + line);
    }
    out.add(
        "Admit what should pass (an ingress or egress rule, an access level) or stop it, then plan"
            + " again; or plan with --accept-violations to enforce anyway. The "
            + what
            + ", to review:");
    return out;
  }

  /** What the audit logs read for the plan say about enforcing it. */
  static List<String> gate(FixPlan plan) {
    FixPlan.Gate gate = plan.gate();
    if (gate == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("Audit logs: " + gate.read().summary() + ".");
    if (plan.stage() != Stage.ENFORCE || plan.perimeters().isEmpty()) {
      return out;
    }
    List<String> denied =
        plan.perimeters().stream()
            .map(c -> c.before().name())
            .filter(n -> gate.read().deniedCount(n, true) > 0)
            .toList();
    if (denied.isEmpty()) {
      out.add(
          "No perimeter this plan changes had a dry-run denial in these logs: its enforce changes"
              + " are written live.");
    } else if (gate.accepted()) {
      out.add(
          "--accept-violations: the enforce changes are written live although the dry-run config"
              + " of "
              + String.join(", ", denied)
              + " denied requests in these logs; once applied, such requests are refused.");
    } else {
      out.add(
          "HELD BACK: the changes to "
              + String.join(", ", denied)
              + " are written commented out, below what their dry-run config denied: enforcing"
              + " them would refuse those requests. Admit or stop those requests and plan again,"
              + " or plan with --accept-violations to write them live.");
    }
    return out;
  }

  public static List<String> lines(FixPlan plan) {
    List<String> out = new ArrayList<>();
    if (plan.stage() == Stage.ENFORCE && !plan.perimeters().isEmpty()) {
      out.add(
          "RESTRICTIVE, TAKES EFFECT AT ONCE: this plan changes the enforced config; nothing is"
              + " staged in dry-run first, and requests the perimeters allowed until now may be"
              + " refused from the moment it is applied.");
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
        out.add(
            change.before().name()
                + " also holds "
                + String.join(", ", others)
                + ": the change restricts their traffic too.");
      }
    }
    for (String note : plan.notes()) {
      out.add("NOTE: " + note);
    }
    out.addAll(gate(plan));
    // With many projects, a perimeter's finding is reported once per project it holds: list once.
    Map<String, java.util.Set<String>> byStep = new LinkedHashMap<>();
    for (Planner.Unfixed u : plan.unfixed()) {
      Finding f = u.finding();
      byStep
          .computeIfAbsent(
              u.remedy().reason() + "\n" + u.remedy().step(), k -> new java.util.LinkedHashSet<>())
          .add(
              "  - "
                  + f.mode().label()
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
    out.add(
        "Not fixed by this plan ("
            + n
            + (n == 1 ? " finding" : " findings")
            + "; no additive "
            + plan.stage().label()
            + " change fixes "
            + (n == 1 ? "it" : "them")
            + "):");
    for (Map.Entry<String, java.util.Set<String>> e : byStep.entrySet()) {
      String[] reasonAndStep = e.getKey().split("\n", 2);
      out.addAll(e.getValue());
      out.add("    why: " + reasonAndStep[0]);
      out.add("    step: " + reasonAndStep[1]);
    }
    return out;
  }

  /** The closing comment of a plan that changes nothing. */
  static String nothingToChange(FixPlan plan) {
    if (plan.unfixed().isEmpty()) {
      return "Nothing to fix: the audit finds nothing in the "
          + (plan.stage() == Stage.DRY_RUN ? "dry-run" : "enforced or dry-run")
          + " config.";
    }
    return "Nothing to change at stage "
        + plan.stage().label()
        + ": every finding needs the step listed above.";
  }
}
