package dev.vpcscaudit.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.ExponentialBackOff;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(RetryPolicy.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryPolicy.retryAfter("Wed, 02 Dec 2026 10:00:30 GMT", now))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.retryAfter("Wed, 02 Dec 2026 09:00:00 GMT", now))
        .isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.retryAfter("soon", now)).isNull();
    assertThat(RetryPolicy.retryAfter(null, now)).isNull();
  }

  @Test
  void waitsAreJitteredAndLengthenedByRetryAfterNeverShortened() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(1000), 2.0, Duration.ofSeconds(8));
    Set<Duration> firsts = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Duration first = RetryPolicy.nextWait(p.newBackOff(), null);
      assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
      firsts.add(first);
    }
    assertThat(firsts).as("randomized, not one fixed wait").hasSizeGreaterThan(1);
    ExponentialBackOff b = p.newBackOff();
    assertThat(RetryPolicy.nextWait(b, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryPolicy.nextWait(b, Duration.ofMillis(1))).isGreaterThan(Duration.ofMillis(1));
  }

  @Test
  void oneAttemptMayTakeAThirdOfTheBudgetAndNoLessThanFiveSeconds() {
    assertThat(RetryPolicy.attemptTimeout(Duration.ofSeconds(60)))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryPolicy.attemptTimeout(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(5));
    assertThat(RetryPolicy.attemptTimeout(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
  }
}
