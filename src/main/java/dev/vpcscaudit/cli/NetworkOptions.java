package dev.vpcscaudit.cli;

import dev.vpcscaudit.network.NetworkRef;

/** The network side of the restricted VIP: only {@code audit} reads it, live. */
public final class NetworkOptions {

  String network;
  String computeEndpoint;
  String dnsEndpoint;

  void declare(Cmd c) {
    c.option(
        "--network",
        "NETWORK",
        "The VPC network where the Interconnect or VPN attachments land"
            + " (projects/P/global/networks/N): audit also checks the Google Cloud half of the"
            + " path to the restricted VIP there (Cloud Router advertisements, routes, Cloud DNS"
            + " zones, inbound forwarding); plan also writes its additive fixes. Read-only (GET);"
            + " needs roles/compute.networkViewer and roles/dns.reader on P.");
    c.option(
        "--compute-endpoint",
        "URL",
        "Compute Engine endpoint, https://HOST/ (default: gcloud's"
            + " CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE, else Google's).");
    c.option(
        "--dns-endpoint",
        "URL",
        "Cloud DNS endpoint, https://HOST/ (default: gcloud's"
            + " CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS, else Google's).");
    c.onParsed(
        () -> {
          network = c.text("--network");
          computeEndpoint = c.text("--compute-endpoint");
          dnsEndpoint = c.text("--dns-endpoint");
        });
  }

  /** {@code --network} needs a profile that requires the restricted VIP. */
  void requireRestrictedVip(dev.vpcscaudit.profile.Profile profile, Cmd cmd) {
    if (network != null && !profile.restrictedVipRequired()) {
      throw cmd.usage(
          "--network: profile "
              + profile.name()
              + " does not require the restricted VIP (restrictedVip.required), so there is"
              + " nothing to check the network against");
    }
  }

  /** {@code --network} is read beside one project, not a selection of many. */
  void refuseWithMany(Cmd cmd) {
    if (network != null) {
      throw cmd.usage(
          "--network is checked with one project (--project); audit the network once, beside"
              + " one of the projects");
    }
  }

  /** {@code --network NET} for a command line the user pastes, or empty. */
  String flag() {
    return network == null
        ? ""
        : " " + dev.vpcscaudit.escape.Shell.flag("--network", ref().resourceName());
  }

  /** {@code --network} parsed, or null. */
  NetworkRef ref() {
    return network == null ? null : NetworkRef.parse(network);
  }
}
