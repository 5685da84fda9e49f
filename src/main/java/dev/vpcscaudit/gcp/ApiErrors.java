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
    String prefix = "cannot " + call.what() + ": ";
    if (error.blockedByPerimeter()) {
      String id = error.perimeterDenialId();
      return new CloudReadException(
          prefix
              + "the request was blocked by a VPC Service Controls perimeter"
              + (id.isEmpty() ? "" : " (vpcServiceControlsUniqueIdentifier " + id + ")")
              + ": run the audit from a network and identity that the perimeter admits (inside it,"
              + " or allowed by an ingress rule for this API), or export with gcloud from there"
              + " and use --from-file",
          cause);
    }
    if (status == 401 || error.status().equals("UNAUTHENTICATED")) {
      return new CloudReadException(
          prefix
              + "the credentials were rejected (HTTP 401): run `gcloud auth application-default"
              + " login`, or point GOOGLE_APPLICATION_CREDENTIALS at a valid credentials file",
          cause);
    }
    Map<String, String> disabled = error.reasons().get("SERVICE_DISABLED");
    if (disabled != null && GCLOUD_CLIENT_PROJECT.equals(disabled.get("consumer"))) {
      return new CloudReadException(
          prefix
              + "this API needs a quota project with user credentials: set --billing-project"
              + " PROJECT (or run `gcloud auth application-default set-quota-project PROJECT`)",
          cause);
    }
    if (disabled != null) {
      return new CloudReadException(
          prefix
              + disabled.getOrDefault("service", "the API")
              + " is disabled in "
              + disabled.getOrDefault("consumer", "the quota project")
              + ": enable it there, or set --billing-project to a project where it is enabled",
          cause);
    }
    if (error.reasons().containsKey("USER_PROJECT_DENIED")) {
      return new CloudReadException(
          prefix
              + "the caller may not use the quota project (needs serviceusage.services.use on"
              + " it): grant roles/serviceusage.serviceUsageConsumer there, or set another"
              + " --billing-project",
          cause);
    }
    if (status == 403) {
      return new CloudReadException(
          prefix + "permission denied (HTTP 403, needs " + call.permission() + "): " + call.grant(),
          cause);
    }
    if (status == 404) {
      return new CloudReadException(
          prefix + "not found (HTTP 404), or no permission to see it: " + call.grant(), cause);
    }
    if (status == 429 || status >= 500) {
      return new CloudReadException(
          prefix
              + "the API answered HTTP "
              + status
              + " after retries"
              + (detail.isEmpty() ? "" : " (" + detail + ")")
              + ": try again later, or allow more time with --timeout",
          cause);
    }
    return new CloudReadException(
        prefix + "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail), cause);
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
    String prefix = "cannot " + call.what() + ": ";
    if (e instanceof DeadlineExceededException
        || e instanceof HttpTimeoutException
        || e instanceof java.net.SocketTimeoutException) {
      return noAnswer(call, log, e);
    }
    if (e instanceof WriteRefusedException) {
      return new CloudReadException(prefix + e.getMessage(), e);
    }
    return new CloudReadException(
        prefix
            + (log.lastFailure().isEmpty() ? Failures.describe(e) : log.lastFailure())
            + ": check the network, the endpoint and HTTPS_PROXY/NO_PROXY",
        e);
  }

  /**
   * The credentials could not produce an access token: the token endpoint (OAuth, metadata server
   * or IAM Credentials) was unreachable or refused them. The OAuth error body ({@code {"error":
   * "invalid_grant", "error_description": "..."}}) is read as JSON, not searched as text.
   */
  static CloudReadException credentials(Throwable e, CallLog log) {
    String prefix = "cannot get an access token from the Application Default Credentials: ";
    String oauth = oauthError(e.getMessage());
    if (!oauth.isEmpty()) {
      return new CloudReadException(
          prefix
              + oauth
              + ": run `gcloud auth application-default login`, or point"
              + " GOOGLE_APPLICATION_CREDENTIALS at a valid credentials file",
          e);
    }
    String last = log.lastFailure();
    if (last.isEmpty() && e instanceof java.util.concurrent.TimeoutException) {
      return new CloudReadException(
          prefix + "no token before the deadline (allow more time with --timeout)", e);
    }
    return new CloudReadException(
        prefix
            + (last.isEmpty() ? Failures.describe(e) : last)
            + ": check the network and HTTPS_PROXY/NO_PROXY",
        e);
  }

  /** {@code error: error_description} of an OAuth 2.0 error body inside {@code message}. */
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
      return "the token endpoint refused them ("
          + error
          + (description.isEmpty() ? "" : ": " + description)
          + ")";
    } catch (RuntimeException ex) {
      return "";
    }
  }

  private static CloudReadException noAnswer(ApiCall call, CallLog log, Throwable e) {
    String last = log.lastFailure();
    return new CloudReadException(
        "cannot "
            + call.what()
            + ": no answer in time"
            + (last.isEmpty()
                ? " (allow more time with --timeout)"
                : "; the last attempt failed: "
                    + last
                    + " (check the network, the endpoint and HTTPS_PROXY/NO_PROXY)"),
        e);
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
