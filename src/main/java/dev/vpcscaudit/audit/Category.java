package dev.vpcscaudit.audit;

/** What a rule is about; renderers group and title findings by category, never by rule identity. */
public enum Category {
  /** The project's membership and each holding perimeter's config, per mode. */
  PERIMETER("perimeter", "service"),
  /** Whether VPC Service Controls supports each required service (supported-services list). */
  SERVICES("services", "service"),
  /** What host names resolve to on the cluster's hosts. */
  DNS("dns", "name"),
  /**
   * The Google Cloud half of the path to the restricted VIP: Cloud Router advertisements, routes
   * and Cloud DNS of one VPC network ({@code --network}).
   */
  NETWORK("network", "resource");

  private final String label;
  private final String subjectNoun;

  Category(String label, String subjectNoun) {
    this.label = label;
    this.subjectNoun = subjectNoun;
  }

  public String label() {
    return label;
  }

  /**
   * What a finding's {@code service} field names in this category: {@code service} or {@code name}.
   */
  public String subjectNoun() {
    return subjectNoun;
  }

  /** True when findings of this category are about one mode of one perimeter (or the project). */
  public boolean perMode() {
    return this == PERIMETER;
  }
}
