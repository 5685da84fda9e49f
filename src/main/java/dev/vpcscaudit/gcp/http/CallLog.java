package dev.vpcscaudit.gcp.http;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the API requests of a run and, with {@code --verbose}, prints one line per request to
 * stderr: method, URL (never a header, so never a token), status and milliseconds.
 */
public final class CallLog {

  private final PrintWriter verbose;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();

  /**
   * @param verbose where to print each request, or null to print nothing
   */
  public CallLog(PrintWriter verbose) {
    this.verbose = verbose;
  }

  /** A log that only counts. */
  public static CallLog quiet() {
    return new CallLog(null);
  }

  void request(String method, String url, String outcome, long millis, boolean token) {
    (token ? tokenRequests : requests).incrementAndGet();
    print(method + " " + url + " -> " + outcome + " (" + millis + " ms)");
  }

  /** Prints a line with {@code --verbose}; nothing otherwise. */
  public void note(String line) {
    print(line);
  }

  private void print(String line) {
    if (verbose != null) {
      synchronized (verbose) {
        verbose.println("vpcsc-audit: " + line);
        verbose.flush();
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
