package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkState;
import java.util.List;

/**
 * The gcloud commands network remedies show, every value shell-quoted. Flags as in gcloud 528's
 * help: compute routers update / update-bgp-peer, compute routes create, dns managed-zones create,
 * dns record-sets create, dns policies create / update.
 */
final class NetworkCommands {

  static final String VIP = Cidr.RESTRICTED_VIP.toString();
  static final String VIP_ADDRESSES = "199.36.153.4,199.36.153.5,199.36.153.6,199.36.153.7";

  private NetworkCommands() {}

  static String project(NetworkState n) {
    return Shell.flag("--project", n.network().project());
  }

  static String networkName(NetworkState n) {
    return n.selfLink().substring(n.selfLink().lastIndexOf('/') + 1);
  }

  /**
   * A private zone for {@code domain} (e.g. {@code googleapis.com}) bound to the network, with the
   * address record at {@code apex} in the restricted VIP and a wildcard CNAME to it.
   */
  static List<String> privateZone(NetworkState n, String zone, String domain, String apex) {
    String p = project(n);
    return List.of(
        "gcloud dns managed-zones create "
            + Shell.quote(zone)
            + " "
            + p
            + " "
            + Shell.flag("--dns-name", domain + ".")
            + " --visibility=private "
            + Shell.flag("--networks", networkName(n))
            + " "
            + Shell.flag("--description", "Restricted VIP for " + domain),
        addressRecord(n, zone, apex),
        wildcard(n, zone, domain, apex));
  }

  static String addressRecord(NetworkState n, String zone, String name) {
    return "gcloud dns record-sets create "
        + Shell.quote(name + ".")
        + " "
        + project(n)
        + " "
        + Shell.flag("--zone", zone)
        + " --type=A --ttl=300 --rrdatas="
        + VIP_ADDRESSES;
  }

  static String wildcard(NetworkState n, String zone, String domain, String target) {
    return "gcloud dns record-sets create "
        + Shell.quote("*." + domain + ".")
        + " "
        + project(n)
        + " "
        + Shell.flag("--zone", zone)
        + " --type=CNAME --ttl=300 "
        + Shell.flag("--rrdatas", target + ".");
  }
}
