package dev.vpcscaudit.audit;

/** Where a fix plan puts its changes ({@code --stage}). */
public enum Stage {
  /** Stage every fix in the dry-run config (spec); enforcing is a later, separate step. */
  DRY_RUN("dry-run"),
  /** Change the enforced config (status), and an explicit spec the same way. */
  ENFORCE("enforce");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
