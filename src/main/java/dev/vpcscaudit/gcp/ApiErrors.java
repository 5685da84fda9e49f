package dev.vpcscaudit.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.DeadlineExceededException;
import dev.vpcscaudit.gcp.http.RejectedCredentialsException;
import dev.vpcscaudit.gcp.http.WriteRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
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
  static CloudReadException gax(ApiCall call, ApiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException r) {
        return http(call, r.getStatusCode(), r.getContent(), e);
      }
    }
    IOException io = ioCause(e);
    if (io != null) {
      return io(call, io);
    }
    Object transport = e.getStatusCode().getTransportCode();
    int status = transport instanceof Integer code ? code : 0;
    String text = e.getMessage();
    return http(call, status, text, e);
  }

  /** The request did not get an HTTP answer. */
  static CloudReadException io(ApiCall call, IOException e) {
    if (e instanceof RejectedCredentialsException rejected) {
      return http(call, 401, rejected.body(), e);
    }
    String prefix = "cannot " + call.what() + ": ";
    if (e instanceof DeadlineExceededException || e instanceof HttpTimeoutException) {
      return new CloudReadException(
          prefix + e.getMessage() + " (allow more time with --timeout)", e);
    }
    if (e instanceof WriteRefusedException) {
      return new CloudReadException(prefix + e.getMessage(), e);
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException) {
      return new CloudReadException(
          prefix
              + "cannot connect ("
              + e
              + "): check the network, the endpoint and HTTPS_PROXY/NO_PROXY",
          e);
    }
    return new CloudReadException(prefix + e, e);
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
