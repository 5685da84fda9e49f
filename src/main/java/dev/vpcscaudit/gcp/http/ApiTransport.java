package dev.vpcscaudit.gcp.http;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * java.net.http underneath (proxies from {@link ProxySettings}), and on top the run's rules:
 *
 * <ul>
 *   <li>read-only: anything but GET is refused before it leaves the process;
 *   <li>transient failures (429, 5xx, I/O errors) retried by {@link RetryPolicy}, within the run's
 *       {@link Deadline};
 *   <li>every request counted, and logged with {@code --verbose}, by {@link CallLog}.
 * </ul>
 */
public final class ApiTransport extends HttpTransport {

  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final CallLog log;
  private final RetryPolicy retry;
  private final Deadline deadline;

  /** 401 answers per URL: the library refreshes the token and retries once; a second is final. */
  private final Map<String, AtomicInteger> unauthorized = new ConcurrentHashMap<>();

  public ApiTransport(ProxySettings proxies, CallLog log, RetryPolicy retry, Deadline deadline) {
    this.client =
        HttpClient.newBuilder()
            .proxy(proxies)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.log = log;
    this.retry = retry;
    this.deadline = deadline;
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
      if (!method.equals("GET")) {
        throw new WriteRefusedException(
            "refused "
                + method
                + " "
                + url
                + ": vpcsc-audit is read-only and sends only GET requests");
      }
      HttpResponse<byte[]> last = null;
      for (int attempt = 1; ; attempt++) {
        if (deadline.expired()) {
          throw new DeadlineExceededException(
              "--timeout of "
                  + deadline.budget().toSeconds()
                  + "s passed before GET "
                  + url
                  + " completed");
        }
        long start = System.nanoTime();
        IOException failure = null;
        try {
          last = client.send(build(), HttpResponse.BodyHandlers.ofByteArray());
          log.request(method, url, String.valueOf(last.statusCode()), millisSince(start));
          if (last.statusCode() == 401
              && unauthorized.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet()
                  > 1) {
            throw new RejectedCredentialsException(
                url, new String(last.body(), StandardCharsets.UTF_8));
          }
          if (!RetryPolicy.isTransient(last.statusCode())) {
            return new Response(last);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted: GET " + url);
        } catch (RejectedCredentialsException e) {
          throw e;
        } catch (IOException e) {
          log.request(method, url, "failed: " + e, millisSince(start));
          failure = e;
        }
        Duration wait = retry.delayAfter(attempt);
        if (attempt >= retry.maxAttempts() || deadline.remaining().compareTo(wait) <= 0) {
          if (failure != null) {
            throw failure;
          }
          return new Response(last);
        }
        sleep(wait);
      }
    }

    private HttpRequest build() {
      Duration timeout = deadline.remaining();
      if (readTimeoutMillis > 0 && Duration.ofMillis(readTimeoutMillis).compareTo(timeout) < 0) {
        timeout = Duration.ofMillis(readTimeoutMillis);
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout.isZero() ? Duration.ofMillis(1) : timeout)
              .GET();
      for (String[] h : headers) {
        if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
          b.header(h[0], h[1]);
        }
      }
      return b.build();
    }
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

  /** A buffered java.net.http response seen through google-http-client's interface. */
  private static final class Response extends LowLevelHttpResponse {
    private final HttpResponse<byte[]> response;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    Response(HttpResponse<byte[]> response) {
      this.response = response;
      response
          .headers()
          .map()
          .forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(response.body());
    }

    @Override
    public String getContentEncoding() {
      return response.headers().firstValue("content-encoding").orElse(null);
    }

    @Override
    public long getContentLength() {
      return response.body().length;
    }

    @Override
    public String getContentType() {
      return response.headers().firstValue("content-type").orElse(null);
    }

    @Override
    public String getStatusLine() {
      return "HTTP/1.1 " + response.statusCode();
    }

    @Override
    public int getStatusCode() {
      return response.statusCode();
    }

    @Override
    public String getReasonPhrase() {
      return "";
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
