package dev.vpcscaudit.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed API call into one line that says what could not be read and what to do. Every
 * result is a {@link CloudReadException}: exit code 3, never "compliant".
 */
final class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VPCSC_ID =
      Pattern.compile(
          "vpcServiceControlsUniqueIdentifier\\\\?\"?\\s*[:=]\\s*\\\\?\"?([A-Za-z0-9_-]+)");

  private ApiErrors() {}

  /** An HTTP error answer; {@code body} is the response body (the API's JSON error, usually). */
  static CloudReadException http(ApiCall call, int status, String body) {
    return http(call, status, body, null);
  }

  private static CloudReadException http(ApiCall call, int status, String body, Throwable cause) {
    String detail = errorMessage(body);
    String text = body == null ? "" : body;
    String prefix = "cannot " + call.what() + ": ";
    if (text.contains("vpcServiceControlsUniqueIdentifier")
        || text.contains("SECURITY_POLICY_VIOLATED")) {
      Matcher m = VPCSC_ID.matcher(text);
      String id = m.find() ? " (vpcServiceControlsUniqueIdentifier " + m.group(1) + ")" : "";
      return new CloudReadException(
          prefix
              + "the request was blocked by a VPC Service Controls perimeter"
              + id
              + ": run the audit from a network and identity that the perimeter admits (inside it,"
              + " or allowed by an ingress rule for this API), or export with gcloud from there"
              + " and use --from-file",
          cause);
    }
    if (status == 401) {
      return new CloudReadException(
          prefix
              + "the credentials were rejected (HTTP 401): run `gcloud auth application-default"
              + " login`, or point GOOGLE_APPLICATION_CREDENTIALS at a valid credentials file",
          cause);
    }
    if (text.contains("quota project")) {
      return new CloudReadException(
          prefix
              + "this API needs a quota project with user credentials: set --billing-project"
              + " PROJECT (or run `gcloud auth application-default set-quota-project PROJECT`)",
          cause);
    }
    if (text.contains("SERVICE_DISABLED") || text.contains("has not been used in project")) {
      return new CloudReadException(
          prefix
              + "the API is disabled in the quota project: "
              + detail
              + " (enable it, or set --billing-project to a project where it is enabled)",
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

  /** The {@code error.message} of a Google API error body, or the body's first line. */
  static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    int brace = body.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode node = JSON.readTree(body.substring(brace));
        JsonNode message = node.path("error").path("message");
        if (message.isTextual()) {
          return message.textValue();
        }
      } catch (IOException e) {
        // not JSON: fall through to the first line
      }
    }
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
