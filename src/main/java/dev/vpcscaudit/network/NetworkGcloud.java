package dev.vpcscaudit.network;

import dev.vpcscaudit.escape.Shell;

/**
 * A {@link NetworkAction} as one gcloud command, every value shell-quoted. Flags as in gcloud 528's
 * help: {@code compute routers update} / {@code update-bgp-peer} ({@code --advertisement-mode},
 * {@code --set-advertisement-groups}, {@code --set-advertisement-ranges}, {@code
 * --add-advertisement-ranges}), {@code compute routes create}, {@code dns managed-zones create},
 * {@code dns record-sets create}, {@code dns policies create / update}; the facts file's section 5
 * gives the router form.
 */
public final class NetworkGcloud {

  private NetworkGcloud() {}

  public static String command(NetworkAction action) {
    String project = Shell.flag("--project", action.project());
    String vip = Cidr.RESTRICTED_VIP.toString();
    if (action instanceof NetworkAction.AdvertiseVip a) {
      String where =
          Shell.quote(a.router()) + " " + project + " " + Shell.flag("--region", a.region());
      if (a.peer() != null) {
        return "gcloud compute routers update-bgp-peer "
            + where
            + " "
            + Shell.flag("--peer-name", a.peer())
            + " --add-advertisement-ranges="
            + vip;
      }
      return "gcloud compute routers update "
          + where
          + (a.fromDefault()
              ? " --advertisement-mode=CUSTOM --set-advertisement-groups=ALL_SUBNETS"
                  + " --set-advertisement-ranges="
                  + vip
              : " --add-advertisement-ranges=" + vip);
    }
    if (action instanceof NetworkAction.CreateRoute r) {
      return "gcloud compute routes create "
          + Shell.quote(r.name())
          + " "
          + project
          + " "
          + Shell.flag("--network", name(r.network()))
          + " --destination-range="
          + vip
          + " --next-hop-gateway="
          + NetworkState.Route.INTERNET_GATEWAY
          + (r.priority() < 0 ? "" : " --priority=" + r.priority());
    }
    if (action instanceof NetworkAction.CreateZone z) {
      return "gcloud dns managed-zones create "
          + Shell.quote(z.zone())
          + " "
          + project
          + " "
          + Shell.flag("--dns-name", z.domain() + ".")
          + " --visibility=private "
          + Shell.flag("--networks", name(z.network()))
          + " "
          + Shell.flag("--description", description(z));
    }
    if (action instanceof NetworkAction.CreateRecord r) {
      return "gcloud dns record-sets create "
          + Shell.quote(r.name())
          + " "
          + project
          + " "
          + Shell.flag("--zone", r.zone())
          + " "
          + Shell.flag("--type", r.type())
          + " --ttl=300 "
          + Shell.flag("--rrdatas", String.join(",", r.rrdatas()));
    }
    if (action instanceof NetworkAction.CreatePolicy p) {
      return "gcloud dns policies create "
          + Shell.quote(p.name())
          + " "
          + project
          + " "
          + Shell.flag("--networks", name(p.network()))
          + " --enable-inbound-forwarding "
          + Shell.flag("--description", "Inbound forwarding for the restricted VIP");
    }
    NetworkAction.EnableInbound e = (NetworkAction.EnableInbound) action;
    return "gcloud dns policies update "
        + Shell.quote(e.policy())
        + " "
        + project
        + " --enable-inbound-forwarding";
  }

  /** The description a created zone gets. */
  public static String description(NetworkAction.CreateZone z) {
    return "Restricted VIP for " + z.domain();
  }

  /** The network's name: gcloud takes names for networks of the same project. */
  private static String name(String network) {
    return network.substring(network.lastIndexOf('/') + 1);
  }
}
