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
    super("googleapis-zone-missing", Category.NETWORK);
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
        text("message", n.network().project(), n.selfLink()),
        new Remedy.NetworkFix(
            NetworkCommands.privateZone(
                n, "googleapis", "googleapis.com", "restricted.googleapis.com")));
  }
}
