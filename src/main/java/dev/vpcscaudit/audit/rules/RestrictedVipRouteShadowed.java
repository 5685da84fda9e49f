package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code restricted-vip-route-shadowed}: for each of the four VIP addresses, the route that wins
 * (longest prefix, then the lowest priority number; routes without tags only) goes to the default
 * internet gateway. A tie with another next hop counts as shadowed: part of the traffic leaves
 * elsewhere. Only static routes are read: subnet routes and dynamic (BGP-learned) routes are not.
 */
public final class RestrictedVipRouteShadowed extends BaseRule implements NetworkRule {

  public RestrictedVipRouteShadowed() {
    super("restricted-vip-route-shadowed", Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    List<NetworkState.Route> routes = n.untaggedRoutes();
    boolean anyGateway =
        routes.stream()
            .anyMatch(
                r -> {
                  Cidr c = Cidr.parse(r.destRange());
                  return r.toInternetGateway() && c != null && c.covers(Cidr.RESTRICTED_VIP);
                });
    if (!anyGateway) {
      return; // restricted-vip-route-missing reports it
    }
    Map<NetworkState.Route, List<String>> shadows = new LinkedHashMap<>();
    for (long i = 0; i < Cidr.RESTRICTED_VIP.size(); i++) {
      long address = Cidr.RESTRICTED_VIP.base() + i;
      for (NetworkState.Route r : winners(routes, address)) {
        if (!r.toInternetGateway()) {
          shadows.computeIfAbsent(r, k -> new ArrayList<>()).add(dotted(address));
        }
      }
    }
    if (shadows.isEmpty()) {
      out.pass("");
      return;
    }
    for (Map.Entry<NetworkState.Route, List<String>> e : shadows.entrySet()) {
      NetworkState.Route r = e.getKey();
      Cidr c = Cidr.parse(r.destRange());
      NetworkAction.CreateRoute create =
          c.length() < Cidr.RESTRICTED_VIP.length()
              ? RestrictedVipRouteMissing.route(n, -1)
              : c.length() == Cidr.RESTRICTED_VIP.length() && r.priority() > 0
                  ? RestrictedVipRouteMissing.route(n, r.priority() - 1)
                  : null;
      Text step =
          c.length() > Cidr.RESTRICTED_VIP.length()
              ? text("more-specific", r.resourceName(), NetworkCommands.VIP)
              : text("priority-zero", r.resourceName());
      out.fail(
          r.name(),
          Severity.ERROR,
          r.resourceName(),
          text(
              "message",
              r.resourceName(),
              r.destRange(),
              r.priority(),
              r.nextHop(),
              Text.list(e.getValue())),
          create != null
              ? new Remedy.NetworkFix(List.of(create))
              : new Remedy.Manual(text("only-removal"), step));
    }
  }

  /** The routes that win for {@code address}: longest prefix, then lowest priority number. */
  private static List<NetworkState.Route> winners(List<NetworkState.Route> routes, long address) {
    List<NetworkState.Route> best = new ArrayList<>();
    int bestLength = -1;
    long bestPriority = Long.MAX_VALUE;
    for (NetworkState.Route r : routes) {
      Cidr c = Cidr.parse(r.destRange());
      if (c == null || !c.contains(address)) {
        continue;
      }
      if (c.length() > bestLength || c.length() == bestLength && r.priority() < bestPriority) {
        best.clear();
        bestLength = c.length();
        bestPriority = r.priority();
      }
      if (c.length() == bestLength && r.priority() == bestPriority) {
        best.add(r);
      }
    }
    return best;
  }

  private static String dotted(long address) {
    return new Cidr(address, 32).toString().replace("/32", "");
  }
}
