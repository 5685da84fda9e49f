package dev.vpcscaudit.gcp.http;

import com.google.api.client.util.ExponentialBackOff;
import java.time.Duration;

/**
 * Bounded exponential backoff for transient failures (HTTP 429, 500, 502, 503, 504 and I/O errors
 * such as timeouts): at most {@code maxAttempts} tries, waits growing from {@code initialDelay} by
 * {@code multiplier} up to {@code maxDelay}, each randomized by +/- 50% so that many clients
 * failing together do not retry together (google-http-client's {@link ExponentialBackOff}), and
 * never past the run's deadline. A server's {@code Retry-After} lengthens a wait, never shortens
 * it.
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

  /** The waits of one request's retries: a new, jittered sequence for each request. */
  ExponentialBackOff newBackOff() {
    return new ExponentialBackOff.Builder()
        .setInitialIntervalMillis((int) Math.max(1, initialDelay.toMillis()))
        .setMultiplier(multiplier)
        .setMaxIntervalMillis((int) Math.max(1, maxDelay.toMillis()))
        .setRandomizationFactor(0.5)
        .setMaxElapsedTimeMillis(Integer.MAX_VALUE) // the run's deadline bounds it instead
        .build();
  }

  /** The next wait of {@code backOff}, lengthened to the server's {@code retryAfter} if longer. */
  static Duration nextWait(ExponentialBackOff backOff, Duration retryAfter) {
    long millis;
    try {
      millis = backOff.nextBackOffMillis();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // ExponentialBackOff never throws it
    }
    Duration wait = Duration.ofMillis(Math.max(0, millis));
    return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
  }

  /**
   * How long one attempt may take: a third of the run's budget (at least 5 s), so that one stalled
   * attempt cannot use the whole {@code --timeout} and leave nothing for a retry.
   */
  static Duration attemptTimeout(Duration budget) {
    Duration third = budget.dividedBy(3);
    Duration floor = Duration.ofSeconds(5);
    return third.compareTo(floor) < 0 ? (budget.compareTo(floor) < 0 ? budget : floor) : third;
  }

  /**
   * A {@code Retry-After} header's wait (RFC 9110 section 10.2.3): seconds, or an HTTP date; null
   * when absent or not understood.
   */
  static Duration retryAfter(String header, java.time.Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
      java.time.Instant at =
          java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return null;
    }
  }

  static boolean isTransient(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }
}
