package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;

/**
 * {@code googleapis-zone-missing}: a Cloud DNS private zone {@code googleapis.com.} is visible to
 * the network (zones of the network's project are read).
 */
public final class GoogleapisZoneMissing extends BaseRule implements NetworkRule {

  public GoogleapisZoneMissing() {
    super(
        "googleapis-zone-missing",
        "No private googleapis.com zone is visible to the network",
        "Create a private zone googleapis.com. bound to the network: A restricted.googleapis.com"
            + " -> 199.36.153.4-7, CNAME *.googleapis.com -> restricted.googleapis.com.",
        Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    if (n.privateZone("googleapis.com.") != null) {
      out.pass("");
      return;
    }
    out.fail(
        "",
        Severity.ERROR,
        n.selfLink(),
        "no private Cloud DNS zone googleapis.com. in project "
            + n.network().project()
            + " is visible to "
            + n.selfLink()
            + ": *.googleapis.com resolves to public addresses, outside the restricted VIP",
        new Remedy.NetworkFix(
            NetworkCommands.privateZone(
                n, "googleapis", "googleapis.com", "restricted.googleapis.com")));
  }
}
