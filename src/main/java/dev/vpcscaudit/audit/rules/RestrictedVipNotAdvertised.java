package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.NetworkRule;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.network.NetworkAction;
import dev.vpcscaudit.network.NetworkState;
import dev.vpcscaudit.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code restricted-vip-not-advertised}: every BGP peer of the network's Cloud Routers whose
 * interface carries an Interconnect attachment or a VPN tunnel (read from the router's own {@code
 * interfaces[].linkedInterconnectAttachment / linkedVpnTunnel}) advertises 199.36.153.4/30 to
 * on-premises (a custom advertisement on the peer, or on the router for peers that inherit it).
 * DEFAULT mode advertises the subnets only. Other peers (router appliances, Network Connectivity
 * Center) do not reach on-premises this way and are not counted.
 */
public final class RestrictedVipNotAdvertised extends BaseRule implements NetworkRule {

  public RestrictedVipNotAdvertised() {
    super("restricted-vip-not-advertised", Category.NETWORK);
  }

  @Override
  public void check(NetworkState n, Profile profile, Results out) {
    List<NetworkState.Router> routers =
        n.networkRouters().stream().filter(r -> !r.onPremisesPeers().isEmpty()).toList();
    if (routers.isEmpty()) {
      out.fail(
          "",
          Severity.ERROR,
          n.selfLink(),
          text("no-router", n.selfLink(), NetworkCommands.VIP),
          new Remedy.Manual(NOT_A_PERIMETER_CHANGE, text("set-up", NetworkCommands.VIP)));
      return;
    }
    for (NetworkState.Router r : routers) {
      List<String> silent = new ArrayList<>();
      List<NetworkAction> actions = new ArrayList<>();
      boolean routerNeedsIt = false;
      for (NetworkState.BgpPeer peer : r.onPremisesPeers()) {
        if (r.effective(peer).advertisesRestrictedVip()) {
          continue;
        }
        silent.add(peer.name() + " (" + peer.link() + ")");
        if (peer.advertisement().custom()) {
          actions.add(
              new NetworkAction.AdvertiseVip(
                  r.project(), r.region(), r.name(), peer.name(), false));
        } else {
          routerNeedsIt = true;
        }
      }
      if (silent.isEmpty()) {
        out.pass(r.name());
        continue;
      }
      if (routerNeedsIt) {
        actions.add(
            0,
            new NetworkAction.AdvertiseVip(
                r.project(), r.region(), r.name(), null, !r.bgp().custom()));
      }
      out.fail(
          r.name(),
          Severity.ERROR,
          r.resourceName(),
          text(
              (silent.size() == 1 ? "peer" : "peers") + (r.bgp().custom() ? "" : "-default"),
              Text.list(silent),
              r.resourceName(),
              NetworkCommands.VIP),
          new Remedy.NetworkFix(actions));
    }
  }
}
