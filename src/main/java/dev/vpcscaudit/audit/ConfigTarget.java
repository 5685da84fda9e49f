package dev.vpcscaudit.audit;

/** Which config of a perimeter a fix changes. */
public enum ConfigTarget {
  /** The enforced config, {@code status} ({@code gcloud ... perimeters update}). */
  STATUS("status"),
  /** The dry-run config, {@code spec} ({@code gcloud ... perimeters dry-run update}). */
  SPEC("spec");

  private final String field;

  ConfigTarget(String field) {
    this.field = field;
  }

  /** The REST field name: {@code status} or {@code spec}. */
  public String field() {
    return field;
  }
}
