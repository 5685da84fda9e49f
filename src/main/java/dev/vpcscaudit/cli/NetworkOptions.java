package dev.vpcscaudit.cli;

import dev.vpcscaudit.network.NetworkRef;
import picocli.CommandLine.Option;

/** The network side of the restricted VIP: only {@code audit} reads it, live. */
public final class NetworkOptions {

  @Option(
      names = "--network",
      paramLabel = "NETWORK",
      description =
          "Also check the Google Cloud half of the path from on-premises to the restricted VIP in"
              + " this VPC network (projects/P/global/networks/N, where the Interconnect or VPN"
              + " attachments land): Cloud Router advertisements, routes, Cloud DNS zones and"
              + " inbound forwarding. Read-only (GET); needs roles/compute.networkViewer and"
              + " roles/dns.reader on P.")
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

  /** {@code --network} parsed, or null. */
  NetworkRef ref() {
    return network == null ? null : NetworkRef.parse(network);
  }
}
