package dev.vpcscaudit.gcp.http;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the API requests of a run and, with {@code --verbose}, prints one line per request to
 * stderr: when it was sent (milliseconds since the read began), method, URL (never a header, so
 * never a token), status and how long it took. The send times show which requests ran side by side
 * and how many waited on each other.
 */
public final class CallLog {

  private final PrintWriter verbose;
  private final PrintWriter progress;
  private final dev.vpcscaudit.i18n.Messages messages;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile dev.vpcscaudit.i18n.Text lastFailure = dev.vpcscaudit.i18n.Text.verbatim("");
  private final long started = System.nanoTime();

  /**
   * @param verbose where to print each request, or null to print nothing
   */
  public CallLog(PrintWriter verbose) {
    this(verbose, null, dev.vpcscaudit.i18n.Messages.EN);
  }

  /**
   * @param verbose where to print each request and every note ({@code --verbose}), or null
   * @param progress where to print the discovery steps and retries when not verbose (stderr when it
   *     is a terminal), or null
   * @param messages the language of the notes
   */
  public CallLog(PrintWriter verbose, PrintWriter progress, dev.vpcscaudit.i18n.Messages messages) {
    this.verbose = verbose;
    this.progress = progress;
    this.messages = messages;
  }

  /** A log that only counts. */
  public static CallLog quiet() {
    return new CallLog(null);
  }

  void request(String method, String url, String outcome, long millis, boolean token) {
    (token ? tokenRequests : requests).incrementAndGet();
    long sent = (System.nanoTime() - started) / 1_000_000 - millis;
    print(
        verbose,
        "[+"
            + Math.max(0, sent)
            + " ms] "
            + method
            + " "
            + url
            + " -> "
            + outcome
            + " ("
            + millis
            + " ms)");
  }

  /** A retry is coming: a sign of life on a terminal, not only with --verbose. */
  void retrying(
      String method, String url, dev.vpcscaudit.i18n.Text outcome, java.time.Duration wait) {
    note(
        dev.vpcscaudit.i18n.Text.of(
            "log.retrying",
            method + " " + url,
            outcome,
            wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s"));
  }

  /** Records a request that got no HTTP answer, for the error message of a failed read. */
  void failure(String method, String url, java.io.IOException e) {
    lastFailure = dev.vpcscaudit.i18n.Text.of("input.at", method + " " + url, Failures.describe(e));
  }

  /**
   * The last request that got no HTTP answer, e.g. {@code POST URL: connection refused}; or empty.
   */
  public dev.vpcscaudit.i18n.Text lastFailure() {
    return lastFailure;
  }

  /** A step of the run: printed with {@code --verbose}, or as progress on a terminal. */
  public void note(dev.vpcscaudit.i18n.Text line) {
    print(verbose != null ? verbose : progress, line.in(messages));
  }

  /**
   * A progress bar on the terminal ({@code done/total label}), redrawn in place at most every 100
   * ms and ended with a newline; with {@code --verbose}, or when stderr is not a terminal, it
   * prints nothing (the notes say what happens).
   */
  public Bar bar(dev.vpcscaudit.i18n.Text label, int total) {
    return new Bar(verbose == null ? progress : null, label.in(messages), total);
  }

  /** See {@link #bar}. */
  public static final class Bar {
    private static final int WIDTH = 30;
    private final PrintWriter to;
    private final String label;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    Bar(PrintWriter to, String label, int total) {
      this.to = to;
      this.label = label;
      this.total = total;
    }

    /** {@code n} more are done. */
    public void advance(int n) {
      int now = done.addAndGet(n);
      draw(now, false);
    }

    /** The bar at its final count, then a newline (if it was drawn at all). */
    public void finish() {
      draw(done.get(), true);
    }

    /** How many are done. */
    public int done() {
      return done.get();
    }

    private void draw(int now, boolean last) {
      if (to == null || total == 0) {
        return;
      }
      synchronized (to) {
        long t = System.nanoTime();
        if (!last && drawn && t - lastDrawn < 100_000_000L && now < total) {
          return;
        }
        if (last && !drawn) {
          return; // finished before the first redraw was due: nothing to clean up
        }
        lastDrawn = t;
        drawn = true;
        int filled = (int) ((long) WIDTH * Math.min(now, total) / total);
        to.print(
            "\rvpcsc-audit: ["
                + "#".repeat(filled)
                + ".".repeat(WIDTH - filled)
                + "] "
                + now
                + "/"
                + total
                + " "
                + label);
        if (last) {
          to.println();
        }
        to.flush();
      }
    }
  }

  /** A detail for {@code --verbose} only. */
  public void detail(dev.vpcscaudit.i18n.Text line) {
    print(verbose, line.in(messages));
  }

  /** The closing detail of a read: how many API requests it sent ({@code --verbose} only). */
  public void requestCount() {
    detail(
        tokenRequests() == 0
            ? dev.vpcscaudit.i18n.Text.of("log.requests", requests())
            : dev.vpcscaudit.i18n.Text.of("log.requests.token", requests(), tokenRequests()));
  }

  private static void print(PrintWriter to, String line) {
    if (to != null) {
      synchronized (to) {
        to.println(
            "vpcsc-audit: "
                + dev.vpcscaudit.escape.Terminal.clean(dev.vpcscaudit.escape.Redact.urls(line)));
        to.flush();
      }
    }
  }

  /** The number of credential requests (token exchange, impersonation) so far. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** The number of HTTP requests sent to the APIs so far, retries included. */
  public int requests() {
    return requests.get();
  }
}
