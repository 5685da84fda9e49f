package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.i18n.Text;
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
  static final Text REPLACE = Text.of("zone.replace");

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
          Text.of("zone.delegated", zone.resourceName(), zone.delegation(), domain),
          new Remedy.Manual(
              Text.of(
                  zone.delegation().startsWith("peering")
                      ? "zone.behind-peering"
                      : "zone.behind-forwarding"),
              zone.delegation().startsWith("peering to projects/")
                  ? Text.of(
                      "zone.audit-peer",
                      "vpcsc-audit audit --project PROJECT --network "
                          + zone.delegation().substring("peering to ".length()))
                  : Text.of("zone.check-forwarding", domain)));
      return false;
    }
    boolean ok = true;
    NetworkState.RecordSet a = zone.record(apex + ".", "A");
    Text problem = addressProblem(a);
    if (problem != null) {
      ok = false;
      out.fail(
          checkPrefix + "A " + apex + ".",
          Severity.ERROR,
          zone.resourceName(),
          Text.of("zone.problem", zone.resourceName(), apex + ".", problem),
          a == null
              ? new Remedy.NetworkFix(List.of(NetworkCommands.addressRecord(n, zone.name(), apex)))
              : new Remedy.Manual(
                  REPLACE,
                  Text.verbatim(
                      delete(n, zone, a)
                          + " && "
                          + NetworkGcloud.command(
                              NetworkCommands.addressRecord(n, zone.name(), apex)))));
    }
    String wildcard = "*." + domain + ".";
    NetworkState.RecordSet cname = zone.record(wildcard, "CNAME");
    NetworkState.RecordSet wildA = zone.record(wildcard, "A");
    Text wildProblem;
    if (cname != null) {
      wildProblem =
          cname.rrdatas().size() == 1 && cname.rrdatas().get(0).equalsIgnoreCase(apex + ".")
              ? null
              : cname.rrdatas().stream().anyMatch(d -> d.startsWith("private.googleapis.com"))
                  ? Text.of("zone.cname-private", Text.list(cname.rrdatas()))
                  : Text.of("zone.cname-elsewhere", Text.list(cname.rrdatas()), apex + ".");
    } else if (wildA != null) {
      wildProblem = addressProblem(wildA);
    } else {
      wildProblem = Text.of("zone.wildcard-missing", domain);
    }
    if (wildProblem != null) {
      ok = false;
      NetworkState.RecordSet existing = cname != null ? cname : wildA;
      out.fail(
          checkPrefix + "CNAME " + wildcard,
          Severity.ERROR,
          zone.resourceName(),
          Text.of("zone.problem", zone.resourceName(), wildcard, wildProblem),
          existing == null
              ? new Remedy.NetworkFix(
                  List.of(NetworkCommands.wildcard(n, zone.name(), domain, apex)))
              : new Remedy.Manual(
                  REPLACE,
                  Text.verbatim(
                      delete(n, zone, existing)
                          + " && "
                          + NetworkGcloud.command(
                              NetworkCommands.wildcard(n, zone.name(), domain, apex)))));
    }
    return ok;
  }

  /** Why an address record is not the restricted VIP, or null when it is. */
  private static Text addressProblem(NetworkState.RecordSet a) {
    if (a == null || a.rrdatas().isEmpty()) {
      return Text.of("zone.no-a");
    }
    List<String> outside = a.rrdatas().stream().filter(d -> !restricted(d)).toList();
    if (outside.isEmpty()) {
      return null;
    }
    return outside.stream().anyMatch(ZoneRecords::isPrivate)
        ? Text.of("zone.a-private", Text.list(outside))
        : Text.of("zone.a-outside", Text.list(outside), NetworkCommands.VIP);
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
