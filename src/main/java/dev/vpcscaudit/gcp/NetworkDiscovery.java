package dev.vpcscaudit.gcp;

import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.network.NetworkRef;
import dev.vpcscaudit.network.NetworkState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one VPC network for the network rules, GET only, in two rounds: the network itself, its
 * project's routers (aggregated over regions), routes, Cloud DNS zones and DNS server policies side
 * by side; then the record sets of the zones the rules look into (googleapis.com, gcr.io, pkg.dev
 * bound to the network), side by side; beside them, the network's project (its number) and the
 * audited project's Shared VPC host. Requests: 7 or 8 plus at most 3, each times its pages (500
 * items a page) — they grow with pages, never with records.
 */
final class NetworkDiscovery {

  /** The zones whose records the rules read. */
  static final List<String> ZONES = List.of("googleapis.com.", "gcr.io.", "pkg.dev.");

  private NetworkDiscovery() {}

  /**
   * @param audited the audited project as given (ID or number), whose Shared VPC host is read
   */
  static NetworkState read(
      GcpApis apis, ExecutorService pool, NetworkRef ref, String audited, CallLog log) {
    String project = ref.project();
    // Where the requests come from: the network's project number, and the audited project's
    // Shared VPC host (its number through Resource Manager, as perimeters name projects).
    Future<String> networkProject = pool.submit(() -> apis.project(project).number());
    Future<String> host =
        pool.submit(
            () -> {
              String id = apis.xpnHost(audited);
              return id == null ? null : apis.project(id).number();
            });
    log.note(dev.vpcscaudit.i18n.Text.of("log.reading-network", ref.resourceName()));
    Future<String> self = pool.submit(() -> apis.networkSelfLink(ref));
    Future<List<NetworkState.Router>> routers = pool.submit(() -> apis.routers(project));
    Future<List<NetworkState.Route>> routes = pool.submit(() -> apis.routes(project));
    Future<List<NetworkState.Zone>> zones = pool.submit(() -> apis.zones(project));
    Future<List<NetworkState.DnsPolicy>> policies = pool.submit(() -> apis.dnsPolicies(project));
    String selfLink = PerimeterDiscovery.await(self);
    NetworkState first =
        new NetworkState(
            ref,
            selfLink,
            PerimeterDiscovery.await(routers),
            PerimeterDiscovery.await(routes),
            PerimeterDiscovery.await(zones),
            PerimeterDiscovery.await(policies));
    List<NetworkState.Zone> wanted = new ArrayList<>();
    for (String dnsName : ZONES) {
      NetworkState.Zone z = first.privateZone(dnsName);
      if (z != null) {
        wanted.add(z);
      }
    }
    List<Future<List<NetworkState.RecordSet>>> records = new ArrayList<>();
    for (NetworkState.Zone z : wanted) {
      records.add(pool.submit(() -> apis.records(project, z.name())));
    }
    List<NetworkState.Zone> zonesWithRecords = new ArrayList<>();
    for (NetworkState.Zone z : first.zones()) {
      int i = wanted.indexOf(z);
      zonesWithRecords.add(i < 0 ? z : z.withRecords(PerimeterDiscovery.await(records.get(i))));
    }
    String hostNumber = PerimeterDiscovery.await(host);
    return new NetworkState(
        ref,
        selfLink,
        first.routers(),
        first.routes(),
        zonesWithRecords,
        first.policies(),
        new dev.vpcscaudit.network.Placement(
            dev.vpcscaudit.network.Placement.networkResource(selfLink),
            "projects/" + PerimeterDiscovery.await(networkProject),
            true,
            hostNumber == null ? null : "projects/" + hostNumber));
  }
}
