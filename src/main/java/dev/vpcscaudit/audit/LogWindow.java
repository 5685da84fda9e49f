package dev.vpcscaudit.audit;

import dev.vpcscaudit.codec.ViolationLogReader;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.i18n.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back {@code --violations} reads the audit logs: {@code label} (as given, e.g. {@code 7d})
 * back from {@code end}, both ends included, to the second.
 *
 * @param label the duration as the user wrote it
 * @param start the first instant read
 * @param end the last instant read (when the run started)
 */
public record LogWindow(String label, Instant start, Instant end) {

  /** {@code 30m}, {@code 24h}, {@code 7d}: the units of gcloud logging's {@code --freshness}. */
  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

  /**
   * The longest window: Cloud Logging keeps a log bucket's entries for at most 3,650 days (Cloud
   * Logging docs, "Configure custom retention").
   */
  static final Duration LONGEST = Duration.ofDays(3650);

  /**
   * The window of {@code text} (a {@code --violations} value) ending at {@code now}.
   *
   * @throws BadInputException naming {@code option} when the text is not a duration
   */
  public static LogWindow parse(String option, String text, Instant now) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new BadInputException(Text.of("usage.duration", option, text));
    }
    long n = Long.parseLong(m.group(1));
    Duration length =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (length.compareTo(LONGEST) > 0) {
      throw new BadInputException(Text.of("usage.duration-too-long", option, text));
    }
    Instant end = now.truncatedTo(ChronoUnit.SECONDS);
    return new LogWindow(m.group(0), end.minus(length), end);
  }

  /**
   * The Logging query of the VPC Service Controls denials in this window: {@link
   * ViolationLogReader#FILTER} and the timestamp range, both ends included.
   */
  public String filter() {
    return ViolationLogReader.FILTER
        + " AND timestamp>=\""
        + start
        + "\" AND timestamp<=\""
        + end
        + "\"";
  }

  /** {@code the last 7d (2026-11-25T15:00:00Z to 2026-12-02T15:00:00Z)}. */
  public Text describe() {
    return Text.of("logs.window", label, start, end);
  }
}
