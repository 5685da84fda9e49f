package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.DnsRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.DnsAnswer;

/** {@code dns-no-address}: the name resolves to some address. */
public final class DnsNoAddress implements DnsRule {

  @Override
  public String id() {
    return "dns-no-address";
  }

  @Override
  public String title() {
    return "A host name does not resolve at all";
  }

  @Override
  public String help() {
    return "Add the name to the private zone (CNAME to the restricted VIP) on the resolver the"
        + " hosts use.";
  }

  @Override
  public Category category() {
    return Category.DNS;
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
        new Remedy.Manual("DNS is served outside the perimeter", help()));
  }
}
