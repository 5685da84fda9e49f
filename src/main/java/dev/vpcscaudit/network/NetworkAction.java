package dev.vpcscaudit.network;

import java.util.List;

/**
 * An additive change to the VPC network or its Cloud DNS that a network finding's remedy asks for:
 * the network's counterpart of a perimeter {@code FixAction}. Renderers turn it into a gcloud
 * command ({@code NetworkCommands}) or a Terraform resource.
 */
public sealed interface NetworkAction {

  /** The project the change is made in. */
  String project();

  /** What the change is, in a few words, e.g. {@code route restricted-vip in network N}. */
  default dev.vpcscaudit.i18n.Text label() {
    if (this instanceof AdvertiseVip a) {
      return a.peer() == null
          ? dev.vpcscaudit.i18n.Text.of("action.advertise", a.router(), a.region())
          : dev.vpcscaudit.i18n.Text.of("action.advertise.peer", a.router(), a.peer(), a.region());
    }
    if (this instanceof CreateRoute r) {
      return dev.vpcscaudit.i18n.Text.of("action.route", r.name(), r.network());
    }
    if (this instanceof CreateZone z) {
      return dev.vpcscaudit.i18n.Text.of("action.zone", z.zone(), z.domain());
    }
    if (this instanceof CreateRecord r) {
      return dev.vpcscaudit.i18n.Text.of("action.record", r.type(), r.name(), r.zone());
    }
    if (this instanceof CreatePolicy d) {
      return dev.vpcscaudit.i18n.Text.of("action.policy", d.name());
    }
    EnableInbound e = (EnableInbound) this;
    return dev.vpcscaudit.i18n.Text.of("action.inbound", e.policy());
  }

  /**
   * Advertise the restricted VIP from a Cloud Router, or from one of its BGP peers (when the peer
   * has its own custom advertisement).
   *
   * @param peer the peer's name, or null for the router's own advertisement
   * @param fromDefault the router's advertisement mode is DEFAULT: switch to CUSTOM keeping the
   *     subnets (ALL_SUBNETS)
   */
  record AdvertiseVip(
      String project, String region, String router, String peer, boolean fromDefault)
      implements NetworkAction {}

  /**
   * A route for 199.36.153.4/30 to the default internet gateway.
   *
   * @param priority the route's priority, or -1 for the API's default (1000)
   */
  record CreateRoute(String project, String network, String name, long priority)
      implements NetworkAction {}

  /** A private zone for {@code domain} (without the final dot), bound to {@code network}. */
  record CreateZone(String project, String zone, String domain, String network)
      implements NetworkAction {}

  /** A record set in a zone ({@code name} with the final dot). */
  record CreateRecord(String project, String zone, String name, String type, List<String> rrdatas)
      implements NetworkAction {
    public CreateRecord {
      rrdatas = List.copyOf(rrdatas);
    }
  }

  /** A DNS server policy with inbound forwarding, bound to {@code network}. */
  record CreatePolicy(String project, String name, String network) implements NetworkAction {}

  /** Inbound forwarding enabled on an existing DNS server policy. */
  record EnableInbound(String project, String policy) implements NetworkAction {}
}
