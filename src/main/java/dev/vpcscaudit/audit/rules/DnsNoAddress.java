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
    super(
        "dns-no-address",
        "A host name does not resolve at all",
        "Add the name to the private zone (CNAME to the restricted VIP) on the resolver the"
            + " hosts use.",
        Category.DNS);
  }

  @Override
  public void check(DnsAnswer a, SubjectResults out) {
    if (a.found() && !a.addresses().isEmpty()) {
      out.pass();
      return;
    }
    String via = a.aliases().isEmpty() ? "" : " (via " + String.join(" -> ", a.aliases()) + ")";
    out.fail(
        Severity.ERROR,
        a.name() + " does not resolve to any address" + via,
        elsewhere("DNS is served outside the perimeter"));
  }
}
