package dev.vpcscaudit.audit;

import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;

/** gcloud commands that remedies name as the step a person takes; every value shell-quoted. */
public final class Commands {

  private Commands() {}

  /** {@code gcloud access-context-manager perimeters dry-run enforce NAME --policy=P}. */
  public static String dryRunEnforce(ServicePerimeter p) {
    return "gcloud access-context-manager perimeters dry-run enforce "
        + Shell.quote(p.shortName())
        + " "
        + Shell.flag("--policy", p.policyNumber());
  }

  /** The manual remedy of a fix that the dry-run spec of {@code p} already stages. */
  public static Remedy.Manual alreadyStaged(ServicePerimeter p) {
    return new Remedy.Manual(
        Text.of("remedy.already-staged", p.name()),
        Text.of("remedy.enforce-staged", dryRunEnforce(p)));
  }
}
