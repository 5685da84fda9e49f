package dev.vpcscaudit.network;

import java.util.List;

/**
 * What the audit reads of one VPC network for the restricted VIP's path from on-premises: the Cloud
 * Routers in the network (BGP peers and advertisements), its routes, the Cloud DNS private zones
 * bound to it (with the record sets of the zones that matter) and the DNS server policies.
 * Everything is read from the network's project (Compute Engine and Cloud DNS v1, GET only).
 *
 * @param network as the user named it
 * @param selfLink the network's own {@code projects/P/global/networks/N}, as the API spells it (the
 *     form other resources use to refer to it)
 * @param placement the network as perimeters name it, its project's number and the audited
 *     project's Shared VPC host, or null when they were not read
 */
public record NetworkState(
    NetworkRef network,
    String selfLink,
    List<Router> routers,
    List<Route> routes,
    List<Zone> zones,
    List<DnsPolicy> policies,
    Placement placement) {

  /** A network read without its placement. */
  public NetworkState(
      NetworkRef network,
      String selfLink,
      List<Router> routers,
      List<Route> routes,
      List<Zone> zones,
      List<DnsPolicy> policies) {
    this(network, selfLink, routers, routes, zones, policies, null);
  }

  /** The same read with {@code p}. */
  public NetworkState withPlacement(Placement p) {
    return new NetworkState(network, selfLink, routers, routes, zones, policies, p);
  }

  public NetworkState {
    routers = List.copyOf(routers);
    routes = List.copyOf(routes);
    zones = List.copyOf(zones);
    policies = List.copyOf(policies);
  }

  /** True when {@code url} (any Compute or Cloud DNS form) names this network. */
  public boolean isThisNetwork(String url) {
    return url != null && NetworkRef.path(url).equals(selfLink);
  }

  /** The routers attached to this network, by name. */
  public List<Router> networkRouters() {
    return routers.stream()
        .filter(r -> isThisNetwork(r.network()))
        .sorted(java.util.Comparator.comparing(Router::resourceName))
        .toList();
  }

  /**
   * The routes of this network that apply to traffic from on-premises: those without network tags
   * (a tagged route applies only to the VMs with the tag).
   */
  public List<Route> untaggedRoutes() {
    return routes.stream().filter(r -> isThisNetwork(r.network()) && r.untagged()).toList();
  }

  /** The private zone for {@code dnsName} (with the final dot) visible to this network, or null. */
  public Zone privateZone(String dnsName) {
    return zones.stream()
        .filter(z -> z.isPrivate() && z.dnsName().equalsIgnoreCase(dnsName))
        .filter(z -> z.networks().stream().anyMatch(this::isThisNetwork))
        .findFirst()
        .orElse(null);
  }

  /** The DNS server policies bound to this network. */
  public List<DnsPolicy> networkPolicies() {
    return policies.stream()
        .filter(p -> p.networks().stream().anyMatch(this::isThisNetwork))
        .toList();
  }

  /**
   * A BGP advertisement: {@code DEFAULT} (the subnets only) or {@code CUSTOM} groups and ranges.
   */
  public record Advertisement(String mode, List<String> groups, List<String> ranges) {
    public Advertisement {
      mode = mode == null || mode.isEmpty() ? "DEFAULT" : mode;
      groups = List.copyOf(groups);
      ranges = List.copyOf(ranges);
    }

    public boolean custom() {
      return mode.equals("CUSTOM");
    }

    /** True when one of the custom ranges covers the whole restricted VIP range. */
    public boolean advertisesRestrictedVip() {
      return custom()
          && ranges.stream()
              .map(Cidr::parse)
              .anyMatch(c -> c != null && c.covers(Cidr.RESTRICTED_VIP));
    }
  }

  /**
   * A BGP peer; its own advertisement applies when its mode is {@code CUSTOM}.
   *
   * @param link what the peer's interface carries: {@code Interconnect attachment NAME}, {@code VPN
   *     tunnel NAME}, or empty (e.g. a router appliance or Network Connectivity Center peer, which
   *     does not reach on-premises over Interconnect or VPN)
   */
  public record BgpPeer(
      String name, String interfaceName, Advertisement advertisement, String link) {
    public boolean reachesOnPremises() {
      return !link.isEmpty();
    }
  }

  /** A Cloud Router. */
  public record Router(
      String project,
      String name,
      String region,
      String network,
      Advertisement bgp,
      List<BgpPeer> peers) {
    public Router {
      peers = List.copyOf(peers);
    }

    /** The peers whose interface carries an Interconnect attachment or a VPN tunnel. */
    public List<BgpPeer> onPremisesPeers() {
      return peers.stream().filter(BgpPeer::reachesOnPremises).toList();
    }

    /** What {@code peer} advertises: its own custom advertisement, else the router's. */
    public Advertisement effective(BgpPeer peer) {
      return peer.advertisement().custom() ? peer.advertisement() : bgp;
    }

    public String resourceName() {
      return "projects/" + project + "/regions/" + region + "/routers/" + name;
    }
  }

  /**
   * A route of the network. {@code nextHop} is {@code default-internet-gateway} for the default
   * internet gateway, else a short description of the other next hop.
   */
  public record Route(
      String project,
      String name,
      String network,
      String destRange,
      long priority,
      List<String> tags,
      String nextHop) {
    public Route {
      tags = List.copyOf(tags);
    }

    public static final String INTERNET_GATEWAY = "default-internet-gateway";

    public boolean toInternetGateway() {
      return INTERNET_GATEWAY.equals(nextHop);
    }

    /** Routes with network tags apply only to tagged VMs, never to traffic from on-premises. */
    public boolean untagged() {
      return tags.isEmpty();
    }

    public String resourceName() {
      return "projects/" + project + "/global/routes/" + name;
    }
  }

  /** A Cloud DNS record set ({@code name} ends with a dot, as the API returns it). */
  public record RecordSet(String name, String type, List<String> rrdatas) {
    public RecordSet {
      rrdatas = List.copyOf(rrdatas);
    }
  }

  /**
   * A Cloud DNS managed zone; {@code networks} are the networks a private zone is visible to;
   * {@code records} are read only for the zones the rules look into.
   */
  public record Zone(
      String project,
      String name,
      String dnsName,
      String visibility,
      List<String> networks,
      List<RecordSet> records,
      String delegation) {
    public Zone {
      networks = List.copyOf(networks);
      records = List.copyOf(records);
      delegation = delegation == null ? "" : delegation;
    }

    /** A zone with records of its own (not a forwarding or peering zone). */
    public Zone(
        String project,
        String name,
        String dnsName,
        String visibility,
        List<String> networks,
        List<RecordSet> records) {
      this(project, name, dnsName, visibility, networks, records, "");
    }

    /**
     * True for a forwarding zone ({@code forwardingConfig}) or a peering zone ({@code
     * peeringConfig}): its answers come from elsewhere, not from its own records.
     */
    public boolean delegated() {
      return !delegation.isEmpty();
    }

    public boolean isPrivate() {
      return "private".equals(visibility);
    }

    public String resourceName() {
      return "projects/" + project + "/managedZones/" + name;
    }

    /** The record set of {@code name} (with the final dot) and {@code type}, or null. */
    public RecordSet record(String name, String type) {
      return records.stream()
          .filter(r -> r.name().equalsIgnoreCase(name) && r.type().equals(type))
          .findFirst()
          .orElse(null);
    }

    public Zone withRecords(List<RecordSet> read) {
      return new Zone(project, name, dnsName, visibility, networks, read, delegation);
    }
  }

  /** A Cloud DNS server policy. */
  public record DnsPolicy(
      String project, String name, boolean inboundForwarding, List<String> networks) {
    public DnsPolicy {
      networks = List.copyOf(networks);
    }

    public String resourceName() {
      return "projects/" + project + "/policies/" + name;
    }
  }
}
