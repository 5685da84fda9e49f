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
final class PlanHeader {

  private PlanHeader() {}

  static List<String> lines(FixPlan plan) {
    List<String> out = new ArrayList<>();
    for (String note : plan.notes()) {
      out.add("NOTE: " + note);
    }
    Map<String, List<Finding>> byStep = new LinkedHashMap<>();
    for (Planner.Unfixed u : plan.unfixed()) {
      byStep
          .computeIfAbsent(u.remedy().reason() + "\n" + u.remedy().step(), k -> new ArrayList<>())
          .add(u.finding());
    }
    if (byStep.isEmpty()) {
      return out;
    }
    int n = plan.unfixed().size();
    out.add(
        "Not fixed by this plan ("
            + n
            + (n == 1 ? " finding" : " findings")
            + "; no additive "
            + plan.stage().label()
            + " change fixes "
            + (n == 1 ? "it" : "them")
            + "):");
    for (Map.Entry<String, List<Finding>> e : byStep.entrySet()) {
      String[] reasonAndStep = e.getKey().split("\n", 2);
      for (Finding f : e.getValue()) {
        out.add(
            "  - "
                + f.mode().label()
                + " "
                + (f.perimeter() == null ? plan.project().resourceName() : f.perimeter())
                + ": "
                + f.rule().id()
                + (f.service() == null ? "" : " " + f.service()));
      }
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
