package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.model.VipRanges;
import dev.vpcscaudit.network.Cidr;
import dev.vpcscaudit.network.NetworkGcloud;
import dev.vpcscaudit.network.NetworkState;
import java.util.List;

/**
 * The two records a restricted-VIP zone needs, checked the same way for googleapis.com, gcr.io and
 * pkg.dev: an A record at {@code apex} whose every address is in 199.36.153.4/30, and a wildcard
 * {@code *.domain} that is a CNAME to the apex (or an A record in the range).
 */
final class ZoneRecords {

  private ZoneRecords() {}

  /** Why a wrong record is a manual step: plans only add. */
  static final String REPLACE =
      "the record exists with other data: replacing it (delete, then create) is not an"
          + " additive change";

  /** Reports each wrong or missing record of {@code zone}; true when both are right. */
  static boolean check(
      NetworkState n,
      NetworkState.Zone zone,
      String domain,
      String apex,
      String checkPrefix,
      NetworkRule.Results out) {
    if (zone.delegated()) {
      // Its answers come from elsewhere, which this read did not see: never reported as passing.
      out.fail(
          checkPrefix + "delegated",
          Severity.ERROR,
          zone.resourceName(),
          "zone "
              + zone.resourceName()
              + " is a "
              + zone.delegation()
              + " zone: its answers for "
              + domain
              + " come from there, which this audit did not read",
          new Remedy.Manual(
              "the records live behind the "
                  + (zone.delegation().startsWith("peering") ? "peered network" : "forwarding")
                  + " target",
              zone.delegation().startsWith("peering to projects/")
                  ? "audit that network: vpcsc-audit audit --project PROJECT --network "
                      + zone.delegation().substring("peering to ".length())
                  : "check that the forwarding targets answer "
                      + domain
                      + " with the restricted VIP (199.36.153.4/30), e.g. --check-dns"
                      + " --dns-resolver TARGET"));
      return false;
    }
    boolean ok = true;
    NetworkState.RecordSet a = zone.record(apex + ".", "A");
    String problem = addressProblem(a);
    if (problem != null) {
      ok = false;
      out.fail(
          checkPrefix + "A " + apex + ".",
          Severity.ERROR,
          zone.resourceName(),
          "zone " + zone.resourceName() + ": " + apex + ". " + problem,
          a == null
              ? new Remedy.NetworkFix(List.of(NetworkCommands.addressRecord(n, zone.name(), apex)))
              : new Remedy.Manual(
                  REPLACE,
                  delete(n, zone, a)
                      + " && "
                      + NetworkGcloud.command(
                          NetworkCommands.addressRecord(n, zone.name(), apex))));
    }
    String wildcard = "*." + domain + ".";
    NetworkState.RecordSet cname = zone.record(wildcard, "CNAME");
    NetworkState.RecordSet wildA = zone.record(wildcard, "A");
    String wildProblem;
    if (cname != null) {
      wildProblem =
          cname.rrdatas().size() == 1 && cname.rrdatas().get(0).equalsIgnoreCase(apex + ".")
              ? null
              : "is a CNAME to "
                  + String.join(", ", cname.rrdatas())
                  + (cname.rrdatas().stream().anyMatch(d -> d.startsWith("private.googleapis.com"))
                      ? ", the private VIP: do not mix the two VIPs"
                      : ", not to " + apex + ".");
    } else if (wildA != null) {
      wildProblem = addressProblem(wildA);
    } else {
      wildProblem = "is missing: names under " + domain + " resolve to public addresses";
    }
    if (wildProblem != null) {
      ok = false;
      NetworkState.RecordSet existing = cname != null ? cname : wildA;
      out.fail(
          checkPrefix + "CNAME " + wildcard,
          Severity.ERROR,
          zone.resourceName(),
          "zone " + zone.resourceName() + ": " + wildcard + " " + wildProblem,
          existing == null
              ? new Remedy.NetworkFix(
                  List.of(NetworkCommands.wildcard(n, zone.name(), domain, apex)))
              : new Remedy.Manual(
                  REPLACE,
                  delete(n, zone, existing)
                      + " && "
                      + NetworkGcloud.command(
                          NetworkCommands.wildcard(n, zone.name(), domain, apex))));
    }
    return ok;
  }

  /** Why an address record is not the restricted VIP, or null when it is. */
  private static String addressProblem(NetworkState.RecordSet a) {
    if (a == null || a.rrdatas().isEmpty()) {
      return "has no A record: it does not resolve to the restricted VIP";
    }
    List<String> outside = a.rrdatas().stream().filter(d -> !restricted(d)).toList();
    if (outside.isEmpty()) {
      return null;
    }
    return "has A "
        + String.join(", ", outside)
        + (outside.stream().anyMatch(ZoneRecords::isPrivate)
            ? ", the private VIP (199.36.153.8/30): do not mix the two VIPs"
            : ", outside " + NetworkCommands.VIP);
  }

  /** IPv4 literals only (rrdatas of A records): no string here is ever looked up. */
  private static boolean restricted(String address) {
    Cidr c = Cidr.parse(address);
    return c != null && c.length() == 32 && Cidr.RESTRICTED_VIP.covers(c);
  }

  private static boolean isPrivate(String address) {
    Cidr c = Cidr.parse(address);
    return c != null && c.length() == 32 && PRIVATE_VIP.covers(c);
  }

  private static final Cidr PRIVATE_VIP = Cidr.parse(VipRanges.PRIVATE_V4);

  private static String delete(NetworkState n, NetworkState.Zone zone, NetworkState.RecordSet r) {
    return "gcloud dns record-sets delete "
        + Shell.quote(r.name())
        + " "
        + Shell.flag("--project", n.network().project())
        + " "
        + Shell.flag("--zone", zone.name())
        + " "
        + Shell.flag("--type", r.type());
  }
}
