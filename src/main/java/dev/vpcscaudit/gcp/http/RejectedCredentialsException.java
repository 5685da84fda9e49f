package dev.vpcscaudit.gcp.http;

import java.io.IOException;

/**
 * A request was answered 401 again after the client library refreshed the token once: the
 * credentials are bad, and refreshing further (the library would try ten times) cannot help.
 */
public final class RejectedCredentialsException extends IOException {

  private final String body;

  public RejectedCredentialsException(String url, String body) {
    super("HTTP 401 twice for " + url);
    this.body = body;
  }

  /** The API's error body. */
  public String body() {
    return body;
  }
}
