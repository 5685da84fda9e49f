package dev.vpcscaudit.gcp.http;

import java.time.Duration;

/**
 * Bounded exponential backoff for transient failures (HTTP 429, 500, 502, 503, 504 and I/O errors
 * such as timeouts): at most {@code maxAttempts} tries, waits growing from {@code initialDelay} by
 * {@code multiplier} up to {@code maxDelay}, and never past the run's deadline.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait before attempt {@code attempt + 1}, for {@code attempt >= 1}. */
  Duration delayAfter(int attempt) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }

  static boolean isTransient(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }
}
