package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkState;
import java.util.List;

/** The network actions the rules share, and the restricted VIP's addresses. */
final class NetworkCommands {

  static final String VIP = Cidr.RESTRICTED_VIP.toString();
  static final List<String> VIP_ADDRESSES =
      List.of("199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7");

  private NetworkCommands() {}

  /**
   * A private zone for {@code domain} (e.g. {@code googleapis.com}) bound to the network, with the
   * address record at {@code apex} in the restricted VIP and a wildcard CNAME to it.
   */
  static List<NetworkAction> privateZone(NetworkState n, String zone, String domain, String apex) {
    return List.of(
        new NetworkAction.CreateZone(n.network().project(), zone, domain, n.selfLink()),
        addressRecord(n, zone, apex),
        wildcard(n, zone, domain, apex));
  }

  static NetworkAction.CreateRecord addressRecord(NetworkState n, String zone, String name) {
    return new NetworkAction.CreateRecord(
        n.network().project(), zone, name + ".", "A", VIP_ADDRESSES);
  }

  static NetworkAction.CreateRecord wildcard(
      NetworkState n, String zone, String domain, String target) {
    return new NetworkAction.CreateRecord(
        n.network().project(), zone, "*." + domain + ".", "CNAME", List.of(target + "."));
  }
}
