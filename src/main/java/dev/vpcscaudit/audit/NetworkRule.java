package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;

/**
 * A rule about the Google Cloud half of the path from on-premises to the restricted VIP: the VPC
 * network of {@code --network}, its Cloud Routers, routes and Cloud DNS. Its findings are mode-less
 * (reported as enforced) and name the router, route, zone or policy in {@link Finding#resource()}.
 */
public interface NetworkRule extends Rule {

  void check(NetworkState network, Profile profile, Results out);

  /** Where a network rule reports. */
  interface Results {
    /**
     * A check passed.
     *
     * @param check what was checked within the rule (e.g. a router or a domain), or empty
     */
    void pass(String check);

    void fail(String check, Severity severity, String resource, Text message, Remedy remedy);
  }

  /** The reason every network remedy gives: plans change perimeters only. */
  Text NOT_A_PERIMETER_CHANGE = Text.of("remedy.not-a-perimeter-change");
}
