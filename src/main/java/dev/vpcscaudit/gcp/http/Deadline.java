package dev.vpcscaudit.gcp.http;

import java.time.Duration;

/** The overall time budget of a run ({@code --timeout}), shared by every request and retry. */
public final class Deadline {

  private final long endNanos;
  private final Duration budget;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
  }

  public static Deadline in(Duration budget) {
    return new Deadline(budget);
  }

  public Duration budget() {
    return budget;
  }

  /** What is left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  public boolean expired() {
    return System.nanoTime() >= endNanos;
  }
}
