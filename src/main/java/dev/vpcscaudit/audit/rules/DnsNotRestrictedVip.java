package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.DnsRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.VipRanges;
import java.util.List;

/**
 * {@code dns-not-restricted-vip}: every address a name resolves to is in the restricted VIP
 * (199.36.153.4/30 or its IPv6 range); the private VIP is called out by name.
 */
public final class DnsNotRestrictedVip extends BaseRule implements DnsRule {

  public DnsNotRestrictedVip() {
    super(
        "dns-not-restricted-vip",
        "A host name does not resolve to the restricted VIP",
        "Serve a private googleapis.com zone: A restricted.googleapis.com -> 199.36.153.4-7,"
            + " CNAME *.googleapis.com -> restricted.googleapis.com (and gcr.io, pkg.dev the same"
            + " way).",
        Category.DNS);
  }

  @Override
  public void check(DnsAnswer a, SubjectResults out) {
    if (!a.found() || a.addresses().isEmpty()) {
      return; // dns-no-address reports it
    }
    List<String> outside = a.addresses().stream().filter(x -> !VipRanges.isRestricted(x)).toList();
    if (outside.isEmpty()) {
      out.pass();
      return;
    }
    String via = a.aliases().isEmpty() ? "" : " (via " + String.join(" -> ", a.aliases()) + ")";
    boolean privateVip = outside.stream().anyMatch(VipRanges::isPrivate);
    out.fail(
        Severity.ERROR,
        a.name()
            + " resolves to "
            + String.join(", ", outside)
            + via
            + (privateVip
                ? ", the private.googleapis.com range: do not mix the two VIPs"
                : ", outside " + VipRanges.RESTRICTED_V4 + " and " + VipRanges.RESTRICTED_V6),
        elsewhere("DNS is served outside the perimeter"));
  }
}
