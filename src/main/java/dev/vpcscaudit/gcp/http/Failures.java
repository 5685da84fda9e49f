package dev.vpcscaudit.gcp.http;

import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** One-line descriptions of why a request got no HTTP answer: DNS, connection, TLS, time. */
public final class Failures {

  private Failures() {}

  /** E.g. {@code cannot resolve oauth2.googleapis.com (DNS)}, {@code connection refused}. */
  public static Text describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return Text.of("net.dns", String.valueOf(t.getMessage()));
      }
      if (t instanceof HttpConnectTimeoutException
          || t instanceof SocketTimeoutException
              && String.valueOf(t.getMessage()).contains("connect timed out")) {
        return Text.of("net.connect-timeout");
      }
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return Text.of("net.no-answer");
      }
      if (t instanceof NoRouteToHostException) {
        return Text.of("net.no-route");
      }
      if (t instanceof ConnectException) {
        return Text.of("net.refused");
      }
      if (t instanceof SSLException) {
        return Text.of("net.tls", String.valueOf(t.getMessage()));
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return Text.verbatim(root.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  /** True when {@code e} (or a cause) is a failure to reach the server at all. */
  public static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  static boolean isIo(Throwable e) {
    return e instanceof IOException;
  }
}
