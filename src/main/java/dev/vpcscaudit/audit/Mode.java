package dev.vpcscaudit.audit;

/** Which config of a perimeter a finding is about. Declaration order is report order. */
public enum Mode {
  /** The perimeter's {@code status}. */
  ENFORCED("enforced"),
  /** The perimeter's explicit {@code spec} ({@code useExplicitDryRunSpec: true}). */
  DRY_RUN("dry-run");

  private final String label;

  Mode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
