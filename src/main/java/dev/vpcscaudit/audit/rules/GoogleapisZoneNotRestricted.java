package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;

/**
 * {@code googleapis-zone-not-restricted}: the private googleapis.com zone answers with the
 * restricted VIP: A {@code restricted.googleapis.com.} in 199.36.153.4/30 and {@code
 * *.googleapis.com.} a CNAME to it. The public or the private VIP is called out.
 */
public final class GoogleapisZoneNotRestricted extends BaseRule implements NetworkRule {

  public GoogleapisZoneNotRestricted() {
    super("googleapis-zone-not-restricted", Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    NetworkState.Zone zone = n.privateZone("googleapis.com.");
    if (zone == null) {
      return; // googleapis-zone-missing reports it
    }
    if (ZoneRecords.check(n, zone, "googleapis.com", "restricted.googleapis.com", "", out)) {
      out.pass("");
    }
  }
}
