package dev.vpcscaudit.plan;

import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkGcloud;
import dev.vpcscaudit.network.NetworkState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's additive fixes as new Terraform resources of the google provider:
 * google_compute_route (name, network, dest_range, next_hop_gateway, priority),
 * google_dns_managed_zone (name, dns_name, description, visibility, private_visibility_config {
 * networks { network_url } }), google_dns_record_set (managed_zone, name, type, ttl, rrdatas) and
 * google_dns_policy (name, description, enable_inbound_forwarding, networks { network_url }), each
 * with {@code project}. A record of a zone created in the same file refers to it, so Terraform
 * creates the zone first.
 *
 * <p>Changing a Cloud Router's advertisement or an existing DNS policy would mean adopting
 * google_compute_router / google_compute_router_peer / google_dns_policy, which are authoritative
 * for fields this version does not read (ASN, keepalive, peer addresses, alternative name servers):
 * an adopted resource would drop them. Those fixes stay gcloud commands, listed in the header.
 */
final class NetworkTerraform {

  private NetworkTerraform() {}

  /** True when the action becomes a new resource here (else it is listed as a gcloud command). */
  static boolean declarable(NetworkAction a) {
    return !(a instanceof NetworkAction.AdvertiseVip || a instanceof NetworkAction.EnableInbound);
  }

  /** Header lines for the actions this file does not declare, with their commands. */
  static List<String> gcloudOnly(List<NetworkAction> actions, Messages m) {
    List<String> out = new ArrayList<>();
    List<NetworkAction> rest = actions.stream().filter(a -> !declarable(a)).toList();
    if (rest.isEmpty()) {
      return out;
    }
    out.add(m.get("tf.network.not-declared"));
    rest.forEach(a -> out.add("  " + NetworkGcloud.command(a)));
    return out;
  }

  /** The resources for the declarable actions, each preceded by a blank line. */
  static void render(List<NetworkAction> actions, StringBuilder out, Messages m) {
    Map<String, Integer> used = new HashMap<>();
    Map<String, String> zones = new HashMap<>();
    for (NetworkAction a : actions) {
      if (!declarable(a)) {
        continue;
      }
      out.append('\n');
      if (a instanceof NetworkAction.CreateRoute r) {
        out.append("# ").append(m.get("tf.network.route")).append('\n');
        open(out, "google_compute_route", address(r.name(), used));
        attr(out, "project", r.project());
        attr(out, "name", r.name());
        attr(out, "network", r.network());
        attr(out, "dest_range", Cidr.RESTRICTED_VIP.toString());
        attr(out, "next_hop_gateway", NetworkState.Route.INTERNET_GATEWAY);
        if (r.priority() >= 0) {
          out.append("  priority = ").append(r.priority()).append('\n');
        }
      } else if (a instanceof NetworkAction.CreateZone z) {
        String address = address(z.zone(), used);
        zones.put(z.project() + "/" + z.zone(), address);
        out.append("# ").append(m.get("tf.network.zone", Hcl.comment(z.domain()))).append('\n');
        open(out, "google_dns_managed_zone", address);
        attr(out, "project", z.project());
        attr(out, "name", z.zone());
        attr(out, "dns_name", z.domain() + ".");
        attr(out, "description", NetworkGcloud.description(z));
        attr(out, "visibility", "private");
        out.append("\n  private_visibility_config {\n    networks {\n");
        out.append("      network_url = ").append(Hcl.string(z.network())).append('\n');
        out.append("    }\n  }\n");
      } else if (a instanceof NetworkAction.CreateRecord r) {
        String zoneAddress = zones.get(r.project() + "/" + r.zone());
        open(
            out,
            "google_dns_record_set",
            address(r.zone() + "_" + r.type() + "_" + r.name().replace("*", "wildcard"), used));
        attr(out, "project", r.project());
        out.append("  managed_zone = ")
            .append(
                zoneAddress == null
                    ? Hcl.string(r.zone())
                    : "google_dns_managed_zone." + zoneAddress + ".name")
            .append('\n');
        attr(out, "name", r.name());
        attr(out, "type", r.type());
        out.append("  ttl = 300\n");
        out.append("  rrdatas = ").append(Hcl.list(r.rrdatas())).append('\n');
      } else if (a instanceof NetworkAction.CreatePolicy p) {
        out.append("# ").append(m.get("tf.network.inbound")).append('\n');
        open(out, "google_dns_policy", address(p.name(), used));
        attr(out, "project", p.project());
        attr(out, "name", p.name());
        attr(out, "description", "Inbound forwarding for the restricted VIP");
        out.append("  enable_inbound_forwarding = true\n");
        out.append("\n  networks {\n");
        out.append("    network_url = ").append(Hcl.string(p.network())).append('\n');
        out.append("  }\n");
      }
      out.append("}\n");
    }
  }

  private static void open(StringBuilder out, String type, String address) {
    out.append("resource \"").append(type).append("\" \"").append(address).append("\" {\n");
  }

  private static void attr(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(" = ").append(Hcl.string(value)).append('\n');
  }

  /** A Terraform identifier from {@code name}, unique within the file. */
  private static String address(String name, Map<String, Integer> used) {
    String base = name.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
      base = "n_" + base;
    }
    int n = used.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "_" + n;
  }
}
