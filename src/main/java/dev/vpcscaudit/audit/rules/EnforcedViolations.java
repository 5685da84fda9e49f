package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Severity;

/**
 * {@code enforced-violations}: the perimeter's enforced config denied requests in the log window
 * read. The perimeter did its job, or something legitimate is failing now: the finding says which
 * requests, to decide. Its findings are made from the audit logs by {@link
 * dev.vpcscaudit.audit.Violations}.
 */
public final class EnforcedViolations extends BaseRule implements Rule {

  public EnforcedViolations() {
    super("enforced-violations", Category.PERIMETER, Severity.INFO);
  }
}
