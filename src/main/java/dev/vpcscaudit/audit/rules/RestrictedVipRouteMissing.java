package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * {@code restricted-vip-route-missing}: the network has a route without tags whose destination
 * covers 199.36.153.4/30 and whose next hop is the default internet gateway (the default route
 * 0.0.0.0/0 counts; the documented one is 199.36.153.4/30 itself).
 */
public final class RestrictedVipRouteMissing extends BaseRule implements NetworkRule {

  /** The name the remedy gives the route it creates. */
  static final String ROUTE_NAME = "vpcsc-restricted-vip";

  public RestrictedVipRouteMissing() {
    super("restricted-vip-route-missing", Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    boolean routed =
        n.untaggedRoutes().stream()
            .anyMatch(
                r -> {
                  Cidr c = Cidr.parse(r.destRange());
                  return r.toInternetGateway() && c != null && c.covers(Cidr.RESTRICTED_VIP);
                });
    if (routed) {
      out.pass("");
      return;
    }
    out.fail(
        "",
        Severity.ERROR,
        n.selfLink(),
        text("message", n.selfLink(), NetworkCommands.VIP),
        new Remedy.NetworkFix(List.of(route(n, -1))));
  }

  /** The route the remedy creates; {@code priority} below 0 for the API's default (1000). */
  static NetworkAction.CreateRoute route(NetworkState n, long priority) {
    return new NetworkAction.CreateRoute(n.network().project(), n.selfLink(), ROUTE_NAME, priority);
  }
}
