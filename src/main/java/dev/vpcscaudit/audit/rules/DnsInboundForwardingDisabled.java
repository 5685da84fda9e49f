package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * {@code dns-inbound-forwarding-disabled} (warning): a DNS server policy bound to the network
 * enables inbound forwarding, so on-premises resolvers can forward googleapis.com, gcr.io and
 * pkg.dev to Cloud DNS. A warning: on-premises DNS may serve the same records itself, which {@code
 * --check-dns} on the hosts shows.
 */
public final class DnsInboundForwardingDisabled extends BaseRule implements NetworkRule {

  public DnsInboundForwardingDisabled() {
    super("dns-inbound-forwarding-disabled", Category.NETWORK, Severity.WARNING);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    List<NetworkState.DnsPolicy> bound = n.networkPolicies();
    if (bound.stream().anyMatch(NetworkState.DnsPolicy::inboundForwarding)) {
      out.pass("");
      return;
    }
    NetworkAction action =
        bound.isEmpty()
            ? new NetworkAction.CreatePolicy(n.network().project(), "vpcsc-inbound", n.selfLink())
            : new NetworkAction.EnableInbound(n.network().project(), bound.get(0).name());
    out.fail(
        "",
        Severity.WARNING,
        bound.isEmpty() ? n.selfLink() : bound.get(0).resourceName(),
        bound.isEmpty()
            ? text("no-policy", n.selfLink())
            : text("message", bound.get(0).resourceName()),
        new Remedy.NetworkFix(List.of(action)));
  }
}
