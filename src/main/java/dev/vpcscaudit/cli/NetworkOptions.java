package dev.vpcscaudit.cli;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.network.NetworkRef;

/** The network side of the restricted VIP: only {@code audit} reads it, live. */
public final class NetworkOptions {

  String network;
  String computeEndpoint;
  String dnsEndpoint;
  String sharedVpcHost;
  private Cmd cmd;

  void declare(Cmd c) {
    cmd = c;
    c.option("--network", "NETWORK", Text.of("help.network"));
    c.option("--compute-endpoint", "URL", Text.of("help.compute-endpoint"));
    c.option("--dns-endpoint", "URL", Text.of("help.dns-endpoint"));
    c.option("--shared-vpc-host", "PROJECT_NUMBER", Text.of("help.shared-vpc-host"));
    c.exclusive("--network", "--shared-vpc-host");
    c.onParsed(
        () -> {
          sharedVpcHost = c.text("--shared-vpc-host");
          network = c.text("--network");
          computeEndpoint = c.text("--compute-endpoint");
          dnsEndpoint = c.text("--dns-endpoint");
        });
  }

  /** {@code --network} needs a profile that requires the restricted VIP. */
  void requireRestrictedVip(dev.vpcscaudit.profile.Profile profile, Cmd cmd) {
    if (network != null && !profile.restrictedVipRequired()) {
      throw cmd.usageOf("usage.network-no-vip", profile.name());
    }
  }

  /** {@code --network} is read beside one project, not a selection of many. */
  void refuseWithMany(Cmd cmd) {
    if (network != null) {
      throw cmd.usageOf("usage.network-with-many");
    }
    if (sharedVpcHost != null) {
      throw cmd.usageOf("usage.shared-vpc-host-with-many");
    }
  }

  /**
   * Where the requests come from: as read live with {@code --network} ({@code read}, may be null),
   * else as given with {@code --shared-vpc-host}, else null.
   */
  dev.vpcscaudit.network.Placement placement(dev.vpcscaudit.network.NetworkState read) {
    if (read != null) {
      return read.placement();
    }
    if (sharedVpcHost == null) {
      return null;
    }
    String v = sharedVpcHost.strip();
    if (!v.matches("(projects/)?[1-9][0-9]{0,19}")) {
      throw cmd.usageOf("usage.shared-vpc-host", sharedVpcHost);
    }
    return new dev.vpcscaudit.network.Placement(
        null, null, true, v.startsWith("projects/") ? v : "projects/" + v);
  }

  /** {@code --network NET} (or {@code --shared-vpc-host N}) for a command line, or empty. */
  String flag() {
    if (sharedVpcHost != null) {
      return " "
          + dev.vpcscaudit.escape.Shell.flag(
              "--shared-vpc-host", placement(null).sharedVpcHost().substring("projects/".length()));
    }
    return network == null
        ? ""
        : " " + dev.vpcscaudit.escape.Shell.flag("--network", ref().resourceName());
  }

  /** {@code --network} parsed, or null. */
  NetworkRef ref() {
    return network == null ? null : NetworkRef.parse(network);
  }
}
