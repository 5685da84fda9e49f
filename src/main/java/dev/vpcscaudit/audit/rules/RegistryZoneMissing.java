package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * {@code registry-zone-missing}: the container registries' domains that the profile's host names
 * use ({@code gcr.io}, {@code pkg.dev}) have private zones visible to the network that point the
 * apex at the restricted VIP and CNAME the wildcard to the apex (facts section 8).
 */
public final class RegistryZoneMissing extends BaseRule implements NetworkRule {

  /** The registry domains the restricted VIP serves. */
  static final List<String> DOMAINS = List.of("gcr.io", "pkg.dev");

  public RegistryZoneMissing() {
    super("registry-zone-missing", Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    for (String domain : DOMAINS) {
      boolean used =
          profile.restrictedVipHostnames().stream()
              .anyMatch(h -> h.equals(domain) || h.endsWith("." + domain));
      if (!used) {
        continue;
      }
      NetworkState.Zone zone = n.privateZone(domain + ".");
      if (zone == null) {
        out.fail(
            domain,
            Severity.ERROR,
            n.selfLink(),
            text("message", domain + ".", n.selfLink()),
            new Remedy.NetworkFix(
                NetworkCommands.privateZone(n, domain.replace('.', '-'), domain, domain)));
      } else if (ZoneRecords.check(n, zone, domain, domain, domain + " ", out)) {
        out.pass(domain);
      }
    }
  }
}
