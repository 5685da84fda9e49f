package dev.vpcscaudit.gcp;

import dev.vpcscaudit.i18n.Text;

/**
 * What a failed call was reading, and the least-privilege grant that lets it: the first half of
 * every exit-code-3 message.
 *
 * @param what e.g. {@code read folders/123}
 * @param permission the IAM permission the call needs
 * @param grant what to grant, or what to pass instead
 */
record ApiCall(Text what, String permission, Text grant) {

  static ApiCall project(String project) {
    return new ApiCall(
        Text.of("call.project", project),
        "resourcemanager.projects.get",
        Text.of("call.project.grant", project));
  }

  static ApiCall ancestry(String project) {
    return new ApiCall(
        Text.of("call.ancestry", project),
        "resourcemanager.projects.get",
        Text.of("call.ancestry.grant", project));
  }

  static ApiCall searchProjects(String query) {
    return new ApiCall(
        query.isEmpty()
            ? Text.of("call.search-projects")
            : Text.of("call.search-projects.query", query),
        "resourcemanager.projects.get",
        Text.of("call.browser-on-organization"));
  }

  static ApiCall searchFolders() {
    return new ApiCall(
        Text.of("call.search-folders"),
        "resourcemanager.folders.get",
        Text.of("call.browser-on-organization"));
  }

  static ApiCall folder(String folder) {
    return new ApiCall(
        Text.of("call.read", folder),
        "resourcemanager.folders.get",
        Text.of("call.folder.grant", folder));
  }

  static ApiCall policies(String organization) {
    return new ApiCall(
        Text.of("call.policies", organization),
        "accesscontextmanager.policies.list",
        Text.of("call.policies.grant", organization));
  }

  static ApiCall supportedServices() {
    return new ApiCall(
        Text.of("call.supported-services"),
        "(any authenticated caller)",
        Text.of("call.supported-services.grant"));
  }

  static ApiCall perimeters(String policy) {
    return new ApiCall(
        Text.of("call.perimeters", policy),
        "accesscontextmanager.servicePerimeters.list",
        Text.of("call.policy-reader", policy));
  }

  static ApiCall accessLevels(String policy) {
    return new ApiCall(
        Text.of("call.access-levels", policy),
        "accesscontextmanager.accessLevels.list",
        Text.of("call.policy-reader", policy));
  }

  static ApiCall network(dev.vpcscaudit.network.NetworkRef network) {
    return new ApiCall(
        Text.of("call.read", network.resourceName()),
        "compute.networks.get",
        Text.of("call.network.grant", network.project()));
  }

  /** A Compute Engine or Cloud DNS list in the network's project. */
  static ApiCall networkList(Text what, String permission, String project) {
    return new ApiCall(what, permission, Text.of("call.network-list.grant", project));
  }

  /** The VPC Service Controls denials in a project's audit logs ({@code --violations}). */
  static ApiCall logs(String project) {
    return new ApiCall(
        Text.of("call.logs", project),
        "logging.logEntries.list",
        Text.of("call.logs.grant", project));
  }

  /** The Shared VPC host of a project (Compute Engine projects.getXpnHost). */
  static ApiCall xpnHost(String project) {
    return new ApiCall(
        Text.of("call.xpn-host", project),
        "compute.projects.get",
        Text.of("call.xpn-host.grant", project));
  }
}
