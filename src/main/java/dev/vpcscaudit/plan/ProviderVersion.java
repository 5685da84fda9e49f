package dev.vpcscaudit.plan;

import java.util.Map;

/**
 * The oldest google Terraform provider that has every attribute a generated file uses. Versions
 * from the provider's CHANGELOG.md and CHANGELOG_v5.md (hashicorp/terraform-provider-google): the
 * attributes not listed here are older than {@link #FLOOR}.
 */
final class ProviderVersion {

  /** Every attribute the renderer writes that is not in {@link #SINCE} exists in 5.0.0. */
  static final String FLOOR = "5.0.0";

  /** JSON path suffix (list indexes dropped) to the provider version that added it. */
  static final Map<String, String> SINCE =
      Map.of(
          "egressFrom.sources", "5.4.0", // #16327, with source_restriction
          "egressFrom.sourceRestriction", "5.4.0",
          "egressFrom.sources.resource", "6.20.0", // #21190
          "ingressPolicies.title", "6.21.0", // #21302
          "egressPolicies.title", "6.21.0",
          "ingressTo.roles", "6.28.0", // #22086
          "egressTo.roles", "6.28.0",
          "vpcAccessibleServices.allowedServicePatterns", "7.41.0", // #28349
          "vpcAccessibleServices.servicePatternsEnforcementScopes", "7.41.0",
          "sources.pscEndpoint", "7.41.0"); // #28307

  private String version = FLOOR;
  private String because = "";

  /** Records that the attribute at {@code jsonPath} (named {@code hcl}) is written. */
  void use(String jsonPath, String hcl) {
    String path = jsonPath.replaceAll("\\[[0-9]+]", "");
    for (Map.Entry<String, String> e : SINCE.entrySet()) {
      if ((path.equals(e.getKey()) || path.endsWith("." + e.getKey()))
          && compare(e.getValue(), version) > 0) {
        version = e.getValue();
        because = hcl;
      }
    }
  }

  String version() {
    return version;
  }

  /** For the header: the constraint, why, and the line to paste into required_providers. */
  String describe() {
    return describe(dev.vpcscaudit.i18n.Messages.EN);
  }

  String describe(dev.vpcscaudit.i18n.Messages m) {
    return m.get(because.isEmpty() ? "tf.provider" : "tf.provider.because", version, because);
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
