package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.DnsRule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.audit.SubjectResults;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.DnsAnswer;
import dev.vpcscaudit.model.VipRanges;
import java.util.List;

/**
 * {@code dns-not-restricted-vip}: every address a name resolves to is in the restricted VIP
 * (199.36.153.4/30 or its IPv6 range); the private VIP is called out by name.
 */
public final class DnsNotRestrictedVip extends BaseRule implements DnsRule {

  public DnsNotRestrictedVip() {
    super("dns-not-restricted-vip", Category.DNS);
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
    boolean privateVip = outside.stream().anyMatch(VipRanges::isPrivate);
    out.fail(
        Severity.ERROR,
        privateVip
            ? text("private", a.name(), String.join(", ", outside), via(a))
            : text(
                "message",
                a.name(),
                String.join(", ", outside),
                via(a),
                VipRanges.RESTRICTED_V4,
                VipRanges.RESTRICTED_V6),
        elsewhere(OUTSIDE));
  }

  /** Why no perimeter change fixes a DNS answer. */
  static final Text OUTSIDE = Text.of("dns.outside-perimeter");

  /** The CNAME chain of an answer, {@code " (via a -> b)"}, or nothing. */
  static Text via(DnsAnswer a) {
    return a.aliases().isEmpty()
        ? Text.verbatim("")
        : Text.of("dns.via", String.join(" -> ", a.aliases()));
  }
}
