package dev.vpcscaudit.audit;

import java.util.Objects;

/** A finding's remedy at each stage of a fix plan. */
public record Remedies(Remedy dryRun, Remedy enforce) {

  public Remedies {
    Objects.requireNonNull(dryRun, "dryRun");
    Objects.requireNonNull(enforce, "enforce");
  }

  /** The same remedy at both stages. */
  public static Remedies both(Remedy remedy) {
    return new Remedies(remedy, remedy);
  }

  public Remedy at(Stage stage) {
    return stage == Stage.DRY_RUN ? dryRun : enforce;
  }
}
