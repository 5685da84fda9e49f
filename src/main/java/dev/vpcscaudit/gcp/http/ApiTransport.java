package dev.vpcscaudit.gcp.http;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP transport every API call goes through (the typed clients' and our own REST reads):
 * {@link HttpURLConnection} underneath (proxies from {@link ProxySettings}), and on top the run's
 * rules. Not java.net.http: in Java 17 its client cannot be closed, and its selector thread, parked
 * in native code, holds every JVM exit for the 300 ms HotSpot waits for such threads (measured:
 * each live run ended 330 ms after its last line).
 *
 * <ul>
 *   <li>read-only: anything but GET is refused before it leaves the process;
 *   <li>transient failures (429, 5xx, I/O errors) retried by {@link RetryPolicy}, within the run's
 *       {@link Deadline};
 *   <li>every request counted, and logged with {@code --verbose}, by {@link CallLog}.
 * </ul>
 */
public final class ApiTransport extends HttpTransport {

  /** Headers the connection sets itself. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

  private final ProxySettings proxies;
  private final CallLog log;
  private final RetryPolicy retry;
  private final Deadline deadline;
  private final boolean credentialRequests;
  private final java.util.concurrent.atomic.AtomicBoolean credentialsUnreachable;

  /** Open until the first request of the run has been written and waits for its answer. */
  private final java.util.concurrent.CountDownLatch firstInFlight;

  /**
   * 401 answers in a row per URL: the library refreshes the token and retries once; a second 401 in
   * a row is final. Any other answer for the URL starts its count again.
   */
  private final Map<String, AtomicInteger> unauthorized;

  public ApiTransport(ProxySettings proxies, CallLog log, RetryPolicy retry, Deadline deadline) {
    this.proxies = proxies;
    this.log = log;
    this.retry = retry;
    this.deadline = deadline;
    this.credentialRequests = false;
    this.unauthorized = new ConcurrentHashMap<>();
    this.credentialsUnreachable = new java.util.concurrent.atomic.AtomicBoolean();
    this.firstInFlight = new java.util.concurrent.CountDownLatch(1);
  }

  private ApiTransport(ApiTransport api) {
    this.proxies = api.proxies;
    this.log = api.log;
    this.retry = api.retry;
    this.deadline = api.deadline;
    this.credentialRequests = true;
    this.unauthorized = api.unauthorized;
    this.credentialsUnreachable = api.credentialsUnreachable;
    this.firstInFlight = api.firstInFlight;
  }

  /**
   * Waits until the run's first request (in practice the token request) is on the wire, at most
   * {@code maxMillis}: work that would compete with it for the processor can then use the round
   * trip's wait instead.
   */
  public void awaitFirstInFlight(long maxMillis) throws InterruptedException {
    firstInFlight.await(maxMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * The same transport (proxies, retries, deadline, {@code --verbose}) for the auth library's token
   * requests: the OAuth token exchange and IAM Credentials' generateAccessToken are POSTs that
   * change nothing in the cloud, so this view lets POST through. Only credentials get it.
   */
  public ApiTransport forCredentials() {
    return new ApiTransport(this);
  }

  /**
   * True once a token request got no answer after all of this transport's retries: the auth library
   * would go on retrying with its own long back-off, so the caller stops waiting.
   */
  public boolean credentialsUnreachable() {
    return credentialsUnreachable.get();
  }

  public CallLog log() {
    return log;
  }

  @Override
  public boolean supportsMethod(String method) {
    return true; // refused in execute(), with a message, rather than by the library
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    return new Request(method, url);
  }

  private final class Request extends LowLevelHttpRequest {
    private final String method;
    private final String url;
    private final List<String[]> headers = new ArrayList<>();
    private int readTimeoutMillis;

    Request(String method, String url) {
      this.method = method;
      this.url = url;
    }

    @Override
    public void addHeader(String name, String value) {
      headers.add(new String[] {name, value});
    }

    @Override
    public void setTimeout(int connectTimeout, int readTimeout) {
      this.readTimeoutMillis = readTimeout;
    }

    @Override
    public LowLevelHttpResponse execute() throws IOException {
      if (!method.equals("GET")
          && !(method.equals("POST") && (credentialRequests || readOnlyPost(url)))) {
        throw new WriteRefusedException(method + " " + url);
      }
      Response last = null;
      com.google.api.client.util.ExponentialBackOff backOff = retry.newBackOff();
      for (int attempt = 1; ; attempt++) {
        if (deadline.expired()) {
          throw new DeadlineExceededException(
              "--timeout of "
                  + deadline.budget().toSeconds()
                  + "s passed before "
                  + method
                  + " "
                  + redacted(url)
                  + " completed");
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted: " + method + " " + redacted(url));
        }
        long start = System.nanoTime();
        IOException failure = null;
        try {
          last = send();
          log.request(
              method,
              redacted(url),
              String.valueOf(last.getStatusCode()),
              millisSince(start),
              credentialRequests);
          if (last.getStatusCode() == 401
              && unauthorized.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet()
                  > 1) {
            throw new RejectedCredentialsException(
                url, new String(last.body, StandardCharsets.UTF_8));
          }
          if (last.getStatusCode() != 401) {
            unauthorized.remove(url); // two 401s in a row are final, not two in the whole run
          }
          if (!RetryPolicy.isTransient(last.getStatusCode())) {
            return last;
          }
        } catch (RejectedCredentialsException e) {
          throw e;
        } catch (IOException e) {
          log.request(
              method,
              redacted(url),
              "failed: " + Failures.describe(e), // --verbose's request line: English, as the URL
              millisSince(start),
              credentialRequests);
          log.failure(method, redacted(url), e);
          failure = e;
        }
        Duration wait =
            RetryPolicy.nextWait(
                backOff,
                last == null || failure != null
                    ? null
                    : RetryPolicy.retryAfter(last.first("retry-after"), java.time.Instant.now()));
        if (attempt >= retry.maxAttempts() || deadline.remaining().compareTo(wait) <= 0) {
          if (failure != null) {
            if (credentialRequests) {
              credentialsUnreachable.set(true);
            }
            throw failure;
          }
          return last;
        }
        log.retrying(
            method,
            redacted(url),
            failure != null
                ? Failures.describe(failure)
                : dev.vpcscaudit.i18n.Text.of("api.http", last.getStatusCode()),
            wait);
        sleep(wait);
      }
    }

    private byte[] body() {
      if (getStreamingContent() == null) {
        return new byte[0];
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try {
        getStreamingContent().writeTo(bytes);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    /**
     * One exchange, bounded by its own timeout ({@link RetryPolicy#attemptTimeout}), the run's
     * deadline and the library's read timeout, whichever is first; the body too, however slowly it
     * arrives.
     */
    private Response send() throws IOException {
      Duration timeout = deadline.remaining();
      Duration attempt = RetryPolicy.attemptTimeout(deadline.budget());
      if (attempt.compareTo(timeout) < 0) {
        timeout = attempt;
      }
      if (readTimeoutMillis > 0 && Duration.ofMillis(readTimeoutMillis).compareTo(timeout) < 0) {
        timeout = Duration.ofMillis(readTimeoutMillis);
      }
      int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      URI uri = URI.create(url);
      List<Proxy> route = proxies.select(uri);
      Proxy proxy = route.isEmpty() ? Proxy.NO_PROXY : route.get(0);
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(proxy);
      c.setInstanceFollowRedirects(false);
      c.setUseCaches(false);
      c.setConnectTimeout(Math.min(millis, CONNECT_TIMEOUT_MILLIS));
      c.setReadTimeout(millis);
      c.setRequestMethod(method);
      for (String[] h : headers) {
        if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
          c.addRequestProperty(h[0], h[1]);
        }
      }
      if (method.equals("POST")) {
        byte[] content = body();
        if (getContentType() != null) {
          c.setRequestProperty("Content-Type", getContentType());
        }
        if (getContentEncoding() != null) {
          c.setRequestProperty("Content-Encoding", getContentEncoding());
        }
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(content.length);
        try (java.io.OutputStream out = c.getOutputStream()) {
          out.write(content);
        }
      }
      if (!method.equals("POST")) {
        c.connect();
      }
      firstInFlight.countDown();
      int status = c.getResponseCode();
      if (status < 0) {
        throw new IOException("not an HTTP answer from " + uri.getHost());
      }
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      byte[] bytes;
      try (InputStream stream = in) {
        bytes =
            stream == null
                ? new byte[0]
                : readBody(stream, System.nanoTime() + millis * 1_000_000L, uri);
      } finally {
        c.disconnect();
      }
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      c.getHeaderFields()
          .forEach(
              (name, values) -> {
                if (name != null) {
                  values.forEach(v -> fields.add(Map.entry(name.toLowerCase(Locale.ROOT), v)));
                }
              });
      return new Response(status, c.getResponseMessage(), fields, bytes);
    }
  }

  /** The largest answer read: a page of 500 perimeters is a few MiB. */
  static final int MAX_BODY_BYTES = 256 * 1024 * 1024;

  /**
   * Reads a body until its end, but not past {@code endNanos}: the socket's read timeout bounds
   * each read, not their sum, so a body sent a byte a second would otherwise hold the run forever.
   */
  private static byte[] readBody(InputStream in, long endNanos, URI uri) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
      if (System.nanoTime() - endNanos > 0) {
        throw new java.net.SocketTimeoutException(
            "the answer from " + uri.getHost() + " did not arrive whole in time");
      }
      if (out.size() > MAX_BODY_BYTES) {
        throw new IOException("the answer from " + uri.getHost() + " is larger than 256 MiB");
      }
    }
    return out.toByteArray();
  }

  /**
   * The read-only methods that Google exposes as POST: Cloud Resource Manager v1
   * projects.getAncestry, and Cloud Logging v2 entries.list (it lists log entries; its body is the
   * query; "POST https://logging.googleapis.com/v2/entries:list", Cloud Logging API reference).
   * Nothing else but GET leaves the process.
   */
  static boolean readOnlyPost(String url) {
    String path = URI.create(url).getPath();
    return path.startsWith("/v1/projects/") && path.endsWith(":getAncestry")
        || path.equals("/v2/entries:list");
  }

  /** The URL without its query, which for a token request may carry secrets. */
  private String redacted(String url) {
    int q = url.indexOf('?');
    return credentialRequests && q >= 0 ? url.substring(0, q) : url;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** A buffered response seen through google-http-client's interface. */
  private static final class Response extends LowLevelHttpResponse {
    private final int status;
    private final String reason;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;

    Response(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {
      this.status = status;
      this.reason = reason == null ? "" : reason;
      this.headers = List.copyOf(headers);
      this.body = body;
    }

    private String first(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equals(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public String getContentEncoding() {
      return first("content-encoding");
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public String getContentType() {
      return first("content-type");
    }

    @Override
    public String getStatusLine() {
      return "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getReasonPhrase() {
      return reason;
    }

    @Override
    public int getHeaderCount() {
      return headers.size();
    }

    @Override
    public String getHeaderName(int index) {
      return headers.get(index).getKey();
    }

    @Override
    public String getHeaderValue(int index) {
      return headers.get(index).getValue();
    }
  }
}
