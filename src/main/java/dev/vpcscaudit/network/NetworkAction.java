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
