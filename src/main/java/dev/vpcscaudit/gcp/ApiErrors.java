package dev.vpcscaudit.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.gcp.http.DeadlineExceededException;
import dev.vpcscaudit.gcp.http.Failures;
import dev.vpcscaudit.gcp.http.RejectedCredentialsException;
import dev.vpcscaudit.gcp.http.WriteRefusedException;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/**
 * Turns a failed API call into one line that says what could not be read and what to do. Every
 * result is a {@link CloudReadException}: exit code 3, never "compliant".
 */
final class ApiErrors {

  private ApiErrors() {}

  /** An HTTP error answer; {@code body} is the response body (the API's JSON error, usually). */
  static CloudReadException http(ApiCall call, int status, String body) {
    return http(call, status, body, null);
  }

  /**
   * The gcloud CLI's own OAuth client project: a SERVICE_DISABLED error naming it as the consumer
   * means user credentials without a quota project (Google's "requires a quota project, which is
   * not set by default" error).
   */
  static final String GCLOUD_CLIENT_PROJECT = "projects/764086051850";

  private static CloudReadException http(ApiCall call, int status, String body, Throwable cause) {
    GoogleApiError error = GoogleApiError.parse(body);
    String detail = error.message();
    if (error.blockedByPerimeter()) {
      String id = error.perimeterDenialId();
      return cannot(
          call, id.isEmpty() ? Text.of("api.blocked") : Text.of("api.blocked.id", id), cause);
    }
    if (status == 401 || error.status().equals("UNAUTHENTICATED")) {
      return cannot(call, Text.of("api.401"), cause);
    }
    Map<String, String> disabled = error.reasons().get("SERVICE_DISABLED");
    if (disabled != null && GCLOUD_CLIENT_PROJECT.equals(disabled.get("consumer"))) {
      return cannot(call, Text.of("api.quota-project"), cause);
    }
    if (disabled != null) {
      return cannot(
          call,
          Text.of(
              "api.disabled",
              disabled.containsKey("service")
                  ? Text.verbatim(disabled.get("service"))
                  : Text.of("api.the-api"),
              disabled.containsKey("consumer")
                  ? Text.verbatim(disabled.get("consumer"))
                  : Text.of("api.the-quota-project")),
          cause);
    }
    if (error.reasons().containsKey("USER_PROJECT_DENIED")) {
      return cannot(call, Text.of("api.user-project-denied"), cause);
    }
    if (status == 403) {
      return cannot(call, Text.of("api.403", call.permission(), call.grant()), cause);
    }
    if (status == 404) {
      return cannot(call, Text.of("api.404", call.grant()), cause);
    }
    if (status == 429 || status >= 500) {
      return cannot(
          call,
          detail.isEmpty()
              ? Text.of("api.retried", status)
              : Text.of("api.retried.detail", status, detail),
          cause);
    }
    return cannot(
        call,
        detail.isEmpty() ? Text.of("api.http", status) : Text.of("api.http.detail", status, detail),
        cause);
  }

  /** "cannot WHAT: WHY", in the run's language. */
  static CloudReadException cannot(ApiCall call, Text why, Throwable cause) {
    return new CloudReadException(Text.of("api.cannot", call.what(), why), cause);
  }

  /**
   * {@code cannot READ: unexpected answer from the API: WHY}: an answer not of the documented form.
   */
  static CloudReadException unexpected(ApiCall call, Text why, Throwable cause) {
    return cannot(call, Text.of("api.unexpected", why), cause);
  }

  /** A failure raised by a typed client (gax). */
  static CloudReadException gax(ApiCall call, ApiException e, CallLog log) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException r) {
        return http(call, r.getStatusCode(), r.getContent(), e);
      }
    }
    IOException io = ioCause(e);
    if (io != null) {
      return io(call, io, log);
    }
    if (e.getStatusCode().getCode() == StatusCode.Code.DEADLINE_EXCEEDED
        || e.getStatusCode().getCode() == StatusCode.Code.UNAVAILABLE) {
      // gax reports "no answer" as 504/503 of its own: nothing answered; say what failed.
      return noAnswer(call, log, e);
    }
    Object transport = e.getStatusCode().getTransportCode();
    int status = transport instanceof Integer code ? code : 0;
    return http(call, status, e.getMessage(), e);
  }

  /** The request did not get an HTTP answer. */
  static CloudReadException io(ApiCall call, IOException e, CallLog log) {
    if (e instanceof RejectedCredentialsException rejected) {
      return http(call, 401, rejected.body(), e);
    }
    if (e instanceof DeadlineExceededException
        || e instanceof HttpTimeoutException
        || e instanceof java.net.SocketTimeoutException) {
      return noAnswer(call, log, e);
    }
    if (e instanceof WriteRefusedException refused) {
      return cannot(call, refused.text(), e);
    }
    return cannot(
        call,
        Text.of(
            "api.network", log.lastFailure().isEmpty() ? Failures.describe(e) : log.lastFailure()),
        e);
  }

  /**
   * The credentials could not produce an access token: the token endpoint (OAuth, metadata server
   * or IAM Credentials) was unreachable or refused them. The OAuth error body ({@code {"error":
   * "invalid_grant", "error_description": "..."}}) is read as JSON, not searched as text.
   */
  static CloudReadException credentials(Throwable e, CallLog log) {
    String oauth = oauthError(e.getMessage());
    if (!oauth.isEmpty()) {
      return new CloudReadException(
          Text.of("api.token.oauth", Text.of("api.token.refused", oauth)), e);
    }
    Text last = log.lastFailure();
    if (last.isEmpty() && e instanceof java.util.concurrent.TimeoutException) {
      return new CloudReadException(Text.of("api.token.deadline"), e);
    }
    return new CloudReadException(
        Text.of("api.token.network", last.isEmpty() ? Failures.describe(e) : last), e);
  }

  /**
   * {@code error: error_description} of an OAuth 2.0 error body inside {@code message}, or empty.
   */
  static String oauthError(String message) {
    if (message == null) {
      return "";
    }
    int brace = message.indexOf('{');
    if (brace < 0) {
      return "";
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n =
          dev.vpcscaudit.codec.JsonTrees.first(message.substring(brace));
      String error = n.path("error").asText("");
      String description = n.path("error_description").asText("");
      if (error.isEmpty()) {
        return "";
      }
      return error + (description.isEmpty() ? "" : ": " + description);
    } catch (RuntimeException ex) {
      return "";
    }
  }

  private static CloudReadException noAnswer(ApiCall call, CallLog log, Throwable e) {
    Text last = log.lastFailure();
    return cannot(
        call, last.isEmpty() ? Text.of("api.no-answer") : Text.of("api.no-answer.last", last), e);
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
