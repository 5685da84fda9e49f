package dev.vpcscaudit.report;

import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "To fix" lines of a report, read from the findings' remedies: the {@code plan} command with
 * the stage that really fixes what was found, and the manual steps (with how many findings each one
 * fixes) for what no dry-run plan can fix.
 */
final class FixAdvice {

  private FixAdvice() {}

  /**
   * @param planCommand {@code vpcsc-audit plan} with the audit's selection flags, without {@code
   *     --as}; empty for no advice
   */
  static List<String> lines(AuditResult result, String planCommand) {
    return lines(result, planCommand, Messages.EN);
  }

  /** As {@link #lines(AuditResult, String)}, in the language of {@code m}. */
  static List<String> lines(AuditResult result, String planCommand, Messages m) {
    List<String> out = new ArrayList<>();
    if (planCommand.isEmpty()) {
      return out;
    }
    List<Finding> findings = result.actionable();
    boolean stageable = false;
    boolean enforceable = false;
    Map<String, Integer> manual = new LinkedHashMap<>();
    List<String> choices = new ArrayList<>();
    for (Finding f : findings) {
      Remedy dryRun = f.remedy(Stage.DRY_RUN);
      Remedy enforce = f.remedy(Stage.ENFORCE);
      if (dryRun instanceof Remedy.Fix) {
        stageable = true;
      } else if (dryRun instanceof Remedy.Manual staged && enforce instanceof Remedy.Fix) {
        enforceable = true;
        manual.merge(
            m.get("advice.manual", staged.reason().in(m), staged.step().in(m)), 1, Integer::sum);
      } else if (dryRun instanceof Remedy.NeedsChoice c) {
        if (!choices.contains(c.message().in(m))) {
          choices.add(c.message().in(m));
        }
      }
    }
    if (stageable) {
      out.add(planCommand + " --as gcloud   # " + m.get("advice.stages"));
    } else if (enforceable) {
      out.add(planCommand + " --as gcloud --stage enforce   # " + m.get("advice.or-terraform"));
    }
    for (Map.Entry<String, Integer> e : manual.entrySet()) {
      int n = e.getValue();
      out.add(m.get(n == 1 ? "advice.findings.one" : "advice.findings", n, e.getKey()));
    }
    out.addAll(choices);
    // Network findings: the gcloud commands themselves (plans change perimeters only).
    for (Finding f : findings) {
      if (f.rule().category() != dev.vpcscaudit.audit.Category.NETWORK) {
        continue;
      }
      List<String> steps =
          f.remedy(Stage.DRY_RUN) instanceof Remedy.NetworkFix fix
              ? fix.commands()
              : f.remedy(Stage.DRY_RUN) instanceof Remedy.Manual step
                  ? List.of(step.step().in(m))
                  : List.of();
      steps.stream().filter(c -> !out.contains(c)).forEach(out::add);
    }
    return out;
  }
}
