package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Severity;

/**
 * {@code dry-run-violations}: the perimeter's dry-run config denied requests in the log window
 * read: enforcing it now would cut that traffic off (for a GDC cluster: its Connect agent, log and
 * metric exporters, image pulls). Its findings are made from the audit logs by {@link
 * dev.vpcscaudit.audit.Violations}, not by evaluating a config.
 */
public final class DryRunViolations extends BaseRule implements Rule {

  public DryRunViolations() {
    super("dry-run-violations", Category.PERIMETER, Severity.WARNING);
  }
}
