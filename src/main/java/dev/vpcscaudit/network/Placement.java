package dev.vpcscaudit.network;

/**
 * Where the requests of the cluster come from, for the rules that judge them by it: VPC Service
 * Controls judges a request from on-premises by the VPC network it enters through (a network, or
 * its project, in perimeter SP1 "can access resources in perimeter SP1 but cannot access resources
 * in perimeter SP2"; VPC-SC docs, "VPC networks management in service perimeters"), and a perimeter
 * that holds a Shared VPC service project must also hold the host project (VPC-SC docs,
 * "Troubleshoot common issues").
 *
 * @param network the VPC network of {@code --network} as perimeters name it ({@code
 *     //compute.googleapis.com/projects/P/global/networks/N}), or null
 * @param networkProject {@code projects/NUMBER} of the network's project, or null when unknown
 * @param hostRead whether the audited project's Shared VPC host was read (live, Compute Engine
 *     {@code projects.getXpnHost}) or given ({@code --shared-vpc-host})
 * @param sharedVpcHost {@code projects/NUMBER} of that host, or null when the project has none
 */
public record Placement(
    String network, String networkProject, boolean hostRead, String sharedVpcHost) {

  /** The form perimeters use for a VPC network: {@code //compute.googleapis.com/} + its path. */
  public static final String NETWORK_PREFIX = "//compute.googleapis.com/";

  /** {@code //compute.googleapis.com/projects/P/global/networks/N} for a network's self link. */
  public static String networkResource(String selfLink) {
    return NETWORK_PREFIX + NetworkRef.path(selfLink);
  }
}
