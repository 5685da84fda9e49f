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
  private final boolean credentialRequests;
  private final java.util.concurrent.atomic.AtomicBoolean credentialsUnreachable;

  /** 401 answers per URL: the library refreshes the token and retries once; a second is final. */
  private final Map<String, AtomicInteger> unauthorized;

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
    this.credentialRequests = false;
    this.unauthorized = new ConcurrentHashMap<>();
    this.credentialsUnreachable = new java.util.concurrent.atomic.AtomicBoolean();
  }

  private ApiTransport(ApiTransport api) {
    this.client = api.client;
    this.log = api.log;
    this.retry = api.retry;
    this.deadline = api.deadline;
    this.credentialRequests = true;
    this.unauthorized = api.unauthorized;
    this.credentialsUnreachable = api.credentialsUnreachable;
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
                  + "s passed before "
                  + method
                  + " "
                  + redacted(url)
                  + " completed");
        }
        long start = System.nanoTime();
        IOException failure = null;
        try {
          last = client.send(build(), HttpResponse.BodyHandlers.ofByteArray());
          log.request(
              method,
              redacted(url),
              String.valueOf(last.statusCode()),
              millisSince(start),
              credentialRequests);
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
          throw new InterruptedIOException("interrupted: " + method + " " + redacted(url));
        } catch (RejectedCredentialsException e) {
          throw e;
        } catch (IOException e) {
          log.request(
              method,
              redacted(url),
              "failed: " + Failures.describe(e),
              millisSince(start),
              credentialRequests);
          log.failure(method, redacted(url), e);
          failure = e;
        }
        Duration wait = retry.delayAfter(attempt);
        if (attempt >= retry.maxAttempts() || deadline.remaining().compareTo(wait) <= 0) {
          if (failure != null) {
            if (credentialRequests) {
              credentialsUnreachable.set(true);
            }
            throw failure;
          }
          return new Response(last);
        }
        log.retrying(
            method,
            redacted(url),
            failure != null ? Failures.describe(failure) : "HTTP " + last.statusCode(),
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

    private HttpRequest build() {
      Duration timeout = deadline.remaining();
      if (readTimeoutMillis > 0 && Duration.ofMillis(readTimeoutMillis).compareTo(timeout) < 0) {
        timeout = Duration.ofMillis(readTimeoutMillis);
      }
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout.isZero() ? Duration.ofMillis(1) : timeout);
      if (method.equals("POST")) {
        b.POST(HttpRequest.BodyPublishers.ofByteArray(body()));
        if (getContentType() != null) {
          b.header("Content-Type", getContentType());
        }
        if (getContentEncoding() != null) {
          b.header("Content-Encoding", getContentEncoding());
        }
      } else {
        b.GET();
      }
      for (String[] h : headers) {
        if (!RESTRICTED.contains(h[0].toLowerCase(Locale.ROOT))) {
          b.header(h[0], h[1]);
        }
      }
      return b.build();
    }
  }

  /**
   * The read-only methods that Google exposes as POST: Cloud Resource Manager v1
   * projects.getAncestry. Nothing else but GET leaves the process.
   */
  static boolean readOnlyPost(String url) {
    String path = URI.create(url).getPath();
    return path.startsWith("/v1/projects/") && path.endsWith(":getAncestry");
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
