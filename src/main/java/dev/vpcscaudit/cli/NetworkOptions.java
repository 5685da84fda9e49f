package dev.vpcscaudit.cli;

import dev.vpcscaudit.network.NetworkRef;
import picocli.CommandLine.Option;

/** The network side of the restricted VIP: only {@code audit} reads it, live. */
public final class NetworkOptions {

  @Option(
      names = "--network",
      paramLabel = "NETWORK",
      description =
          "The VPC network where the Interconnect or VPN attachments land"
              + " (projects/P/global/networks/N): audit also checks the Google Cloud half of the"
              + " path to the restricted VIP there (Cloud Router advertisements, routes, Cloud DNS"
              + " zones, inbound forwarding); plan also writes its additive fixes. Read-only (GET);"
              + " needs roles/compute.networkViewer and roles/dns.reader on P.")
  String network;

  @Option(
      names = "--compute-endpoint",
      paramLabel = "URL",
      description =
          "Compute Engine endpoint, https://HOST/ (default: gcloud's"
              + " CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE, else Google's).")
  String computeEndpoint;

  @Option(
      names = "--dns-endpoint",
      paramLabel = "URL",
      description =
          "Cloud DNS endpoint, https://HOST/ (default: gcloud's"
              + " CLOUDSDK_API_ENDPOINT_OVERRIDES_DNS, else Google's).")
  String dnsEndpoint;

  /** {@code --network} needs a profile that requires the restricted VIP. */
  void requireRestrictedVip(
      dev.vpcscaudit.profile.Profile profile, picocli.CommandLine.Model.CommandSpec spec) {
    if (network != null && !profile.restrictedVipRequired()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--network: profile "
              + profile.name()
              + " does not require the restricted VIP (restrictedVip.required), so there is"
              + " nothing to check the network against");
    }
  }

  /** {@code --network} is read beside one project, not a selection of many. */
  void refuseWithMany(picocli.CommandLine.Model.CommandSpec spec) {
    if (network != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
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
