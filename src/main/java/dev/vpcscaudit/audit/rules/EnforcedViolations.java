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
    super(
        "enforced-violations",
        "The enforced config denied requests",
        "Check each kind of request: an exfiltration attempt stopped needs no change; legitimate"
            + " traffic needs an ingress or egress rule, an access level, or the resource in the"
            + " perimeter.",
        Category.PERIMETER,
        Severity.INFO);
  }
}
