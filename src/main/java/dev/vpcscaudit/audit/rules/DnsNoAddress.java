package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.DnsRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.DnsAnswer;

/** {@code dns-no-address}: the name resolves to some address. */
public final class DnsNoAddress extends BaseRule implements DnsRule {

  public DnsNoAddress() {
    super("dns-no-address", Category.DNS);
  }

  @Override
  public void check(DnsAnswer a, SubjectResults out) {
    if (a.found() && !a.addresses().isEmpty()) {
      out.pass();
      return;
    }
    out.fail(
        Severity.ERROR,
        text("message", a.name(), DnsNotRestrictedVip.via(a)),
        elsewhere(DnsNotRestrictedVip.OUTSIDE));
  }
}
