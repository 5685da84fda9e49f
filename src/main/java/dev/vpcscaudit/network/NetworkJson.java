package dev.vpcscaudit.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Compute Engine v1 and Cloud DNS v1 REST JSON the network rules need. Field names are
 * the APIs' (compute/docs/reference/rest/v1/routers, .../routes, dns/docs/reference/rest/v1/
 * managedZones, .../resourceRecordSets, .../policies); absent fields take the APIs' defaults.
 */
public final class NetworkJson {

  private NetworkJson() {}

  /** The routers of an aggregated list page ({@code items: {"regions/R": {"routers": [...]}}}). */
  public static List<NetworkState.Router> routers(JsonNode items, String project) {
    List<NetworkState.Router> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> scope : items.properties()) {
      for (JsonNode r : scope.getValue().path("routers")) {
        // interfaces[].linkedInterconnectAttachment / linkedVpnTunnel: what each peer rides on.
        Map<String, String> links = new java.util.HashMap<>();
        for (JsonNode i : r.path("interfaces")) {
          String link =
              i.hasNonNull("linkedInterconnectAttachment")
                  ? "Interconnect attachment "
                      + last(i.path("linkedInterconnectAttachment").asText())
                  : i.hasNonNull("linkedVpnTunnel")
                      ? "VPN tunnel " + last(i.path("linkedVpnTunnel").asText())
                      : "";
          links.put(i.path("name").asText(""), link);
        }
        List<NetworkState.BgpPeer> peers = new ArrayList<>();
        for (JsonNode p : r.path("bgpPeers")) {
          String iface = p.path("interfaceName").asText("");
          peers.add(
              new NetworkState.BgpPeer(
                  p.path("name").asText(""),
                  iface,
                  advertisement(p),
                  links.getOrDefault(iface, "")));
        }
        out.add(
            new NetworkState.Router(
                project,
                r.path("name").asText(""),
                last(r.path("region").asText("")),
                NetworkRef.path(r.path("network").asText("")),
                advertisement(r.path("bgp")),
                peers));
      }
    }
    return out;
  }

  private static NetworkState.Advertisement advertisement(JsonNode n) {
    List<String> groups = new ArrayList<>();
    n.path("advertisedGroups").forEach(g -> groups.add(g.asText()));
    List<String> ranges = new ArrayList<>();
    n.path("advertisedIpRanges").forEach(r -> ranges.add(r.path("range").asText("")));
    return new NetworkState.Advertisement(n.path("advertiseMode").asText(""), groups, ranges);
  }

  /** The routes of a {@code routes.list} page. */
  public static List<NetworkState.Route> routes(JsonNode items, String project) {
    List<NetworkState.Route> out = new ArrayList<>();
    for (JsonNode r : items) {
      List<String> tags = new ArrayList<>();
      r.path("tags").forEach(t -> tags.add(t.asText()));
      out.add(
          new NetworkState.Route(
              project,
              r.path("name").asText(""),
              NetworkRef.path(r.path("network").asText("")),
              r.path("destRange").asText(""),
              r.path("priority").asLong(1000),
              tags,
              nextHop(r)));
    }
    return out;
  }

  private static String nextHop(JsonNode r) {
    if (r.hasNonNull("nextHopGateway")) {
      String gateway = last(r.path("nextHopGateway").asText());
      return gateway.equals(NetworkState.Route.INTERNET_GATEWAY) ? gateway : "gateway " + gateway;
    }
    for (String field :
        List.of(
            "nextHopVpnTunnel",
            "nextHopInstance",
            "nextHopIlb",
            "nextHopIp",
            "nextHopNetwork",
            "nextHopPeering",
            "nextHopHub",
            "nextHopInterconnectAttachment")) {
      if (r.hasNonNull(field)) {
        return field.substring("nextHop".length()) + " " + last(r.path(field).asText());
      }
    }
    return "an unknown next hop";
  }

  /** The zones of a {@code managedZones.list} page (without their records). */
  public static List<NetworkState.Zone> zones(JsonNode items, String project) {
    List<NetworkState.Zone> out = new ArrayList<>();
    for (JsonNode z : items) {
      List<String> networks = new ArrayList<>();
      z.path("privateVisibilityConfig")
          .path("networks")
          .forEach(n -> networks.add(NetworkRef.path(n.path("networkUrl").asText(""))));
      out.add(
          new NetworkState.Zone(
              project,
              z.path("name").asText(""),
              z.path("dnsName").asText(""),
              z.path("visibility").asText("public"),
              networks,
              List.of(),
              delegation(z)));
    }
    return out;
  }

  /**
   * Where a forwarding or peering zone sends its queries ({@code forwardingConfig.targetNameServers
   * [].ipv4Address}, {@code peeringConfig.targetNetwork.networkUrl}), or empty for a zone that
   * answers from its own records.
   */
  private static String delegation(JsonNode z) {
    if (z.has("peeringConfig")) {
      return "peering to "
          + NetworkRef.path(
              z.path("peeringConfig").path("targetNetwork").path("networkUrl").asText(""));
    }
    if (z.has("forwardingConfig")) {
      List<String> targets = new ArrayList<>();
      z.path("forwardingConfig")
          .path("targetNameServers")
          .forEach(
              t -> targets.add(t.path("ipv4Address").asText(t.path("ipv6Address").asText(""))));
      return "forwarding to " + String.join(", ", targets);
    }
    return "";
  }

  /** The record sets of a {@code resourceRecordSets.list} page. */
  public static List<NetworkState.RecordSet> records(JsonNode items) {
    List<NetworkState.RecordSet> out = new ArrayList<>();
    for (JsonNode r : items) {
      List<String> data = new ArrayList<>();
      r.path("rrdatas").forEach(d -> data.add(d.asText()));
      out.add(
          new NetworkState.RecordSet(r.path("name").asText(""), r.path("type").asText(""), data));
    }
    return out;
  }

  /** The server policies of a {@code policies.list} page. */
  public static List<NetworkState.DnsPolicy> policies(JsonNode items, String project) {
    List<NetworkState.DnsPolicy> out = new ArrayList<>();
    for (JsonNode p : items) {
      List<String> networks = new ArrayList<>();
      p.path("networks")
          .forEach(n -> networks.add(NetworkRef.path(n.path("networkUrl").asText(""))));
      out.add(
          new NetworkState.DnsPolicy(
              project,
              p.path("name").asText(""),
              p.path("enableInboundForwarding").asBoolean(false),
              networks));
    }
    return out;
  }

  private static String last(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
