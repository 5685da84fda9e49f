package dev.vpcscaudit.gcp;

/**
 * What a failed call was reading, and the least-privilege grant that lets it: the first half of
 * every exit-code-3 message.
 *
 * @param what e.g. {@code read folders/123}
 * @param permission the IAM permission the call needs
 * @param grant what to grant, or what to pass instead
 */
record ApiCall(String what, String permission, String grant) {

  static ApiCall project(String project) {
    return new ApiCall(
        "read project " + project,
        "resourcemanager.projects.get",
        "grant roles/browser on projects/" + project + ", or check the project ID");
  }

  static ApiCall ancestry(String project) {
    return new ApiCall(
        "read the ancestry of project " + project,
        "resourcemanager.projects.get",
        "grant roles/browser on projects/"
            + project
            + ", or skip the walk with --organization ORG_NUMBER (and --policy POLICY_NUMBER)");
  }

  static ApiCall searchProjects(String query) {
    return new ApiCall(
        "search the projects" + (query.isEmpty() ? "" : " matching '" + query + "'"),
        "resourcemanager.projects.get",
        "grant roles/browser on the organization");
  }

  static ApiCall searchFolders() {
    return new ApiCall(
        "search the folders",
        "resourcemanager.folders.get",
        "grant roles/browser on the organization");
  }

  static ApiCall folder(String folder) {
    return new ApiCall(
        "read " + folder,
        "resourcemanager.folders.get",
        "grant roles/browser on "
            + folder
            + ", or skip the folder walk with --organization ORG_NUMBER (and --policy POLICY_NUMBER)");
  }

  static ApiCall policies(String organization) {
    return new ApiCall(
        "list the access policies of " + organization,
        "accesscontextmanager.policies.list",
        "grant roles/accesscontextmanager.policyReader on "
            + organization
            + ", or name the policy with --policy POLICY_NUMBER");
  }

  static ApiCall supportedServices() {
    return new ApiCall(
        "list the services VPC Service Controls supports",
        "(any authenticated caller)",
        "check the credentials, or skip the check (drop --check-services) or give"
            + " --services-file FILE from 'gcloud access-context-manager supported-services list"
            + " --format=json'");
  }

  static ApiCall perimeters(String policy) {
    return new ApiCall(
        "list the perimeters of " + policy,
        "accesscontextmanager.servicePerimeters.list",
        "grant roles/accesscontextmanager.policyReader on the organization (or on " + policy + ")");
  }

  static ApiCall accessLevels(String policy) {
    return new ApiCall(
        "list the access levels of " + policy,
        "accesscontextmanager.accessLevels.list",
        "grant roles/accesscontextmanager.policyReader on the organization (or on " + policy + ")");
  }

  static ApiCall network(dev.vpcscaudit.network.NetworkRef network) {
    return new ApiCall(
        "read " + network.resourceName(),
        "compute.networks.get",
        "grant roles/compute.networkViewer on projects/"
            + network.project()
            + ", or check --network");
  }

  /** A Compute Engine or Cloud DNS list in the network's project. */
  static ApiCall networkList(String what, String permission, String project) {
    return new ApiCall(
        what,
        permission,
        "grant roles/compute.networkViewer and roles/dns.reader on projects/" + project);
  }

  /** The VPC Service Controls denials in a project's audit logs ({@code --violations}). */
  static ApiCall logs(String project) {
    return new ApiCall(
        "read the VPC Service Controls audit logs of projects/" + project,
        "logging.logEntries.list",
        "grant roles/logging.viewer on projects/"
            + project
            + ", or save the read yourself and give --violations-file FILE");
  }

  /** The Shared VPC host of a project (Compute Engine projects.getXpnHost). */
  static ApiCall xpnHost(String project) {
    return new ApiCall(
        "read the Shared VPC host of project " + project,
        "compute.projects.get",
        "grant roles/compute.networkViewer on projects/"
            + project
            + ", or audit offline with --shared-vpc-host PROJECT_NUMBER");
  }
}
