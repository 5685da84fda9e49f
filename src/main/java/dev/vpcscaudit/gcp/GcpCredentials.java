package dev.vpcscaudit.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.gcp.http.ProxySettings;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Application Default Credentials as gcloud and the client libraries find them
 * (GOOGLE_APPLICATION_CREDENTIALS, the gcloud ADC file, the metadata server), optionally
 * impersonating a service account and with a quota project. Tokens are never printed.
 */
public final class GcpCredentials {

  public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  private GcpCredentials() {}

  /**
   * Loads the credentials of a live run.
   *
   * @param impersonate service account email to impersonate, or null
   * @param billingProject quota project for {@code x-goog-user-project}, or null
   */
  public static GoogleCredentials load(
      ProxySettings proxies, Endpoints endpoints, String impersonate, String billingProject) {
    HttpTransportFactory tokens = tokenTransport(proxies);
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault(tokens);
    } catch (IOException e) {
      throw new CloudReadException(
          "no Application Default Credentials: run `gcloud auth application-default login`, or set"
              + " GOOGLE_APPLICATION_CREDENTIALS to a credentials file ("
              + firstLine(e.getMessage())
              + ")",
          e);
    }
    if (credentials.createScopedRequired()) {
      credentials = credentials.createScoped(List.of(CLOUD_PLATFORM));
    }
    if (impersonate != null) {
      ImpersonatedCredentials.Builder b =
          ImpersonatedCredentials.newBuilder()
              .setSourceCredentials(credentials)
              .setTargetPrincipal(impersonate)
              .setScopes(List.of(CLOUD_PLATFORM))
              .setLifetime(3600)
              .setHttpTransportFactory(tokens)
              .setIamEndpointOverride(
                  endpoints.iamCredentials()
                      + "/v1/projects/-/serviceAccounts/"
                      + impersonate
                      + ":generateAccessToken");
      credentials = b.build();
    }
    if (billingProject != null) {
      credentials = credentials.createWithQuotaProject(billingProject);
    }
    return credentials;
  }

  /** Token and metadata-server requests: plain HTTP through the same proxies as the APIs. */
  static HttpTransportFactory tokenTransport(ProxySettings proxies) {
    HttpTransport transport =
        new NetHttpTransport.Builder()
            .setConnectionFactory(
                url -> {
                  try {
                    return (HttpURLConnection) url.openConnection(proxies.proxyFor(url.toURI()));
                  } catch (URISyntaxException e) {
                    throw new IOException("bad URL " + url, e);
                  }
                })
            .build();
    return () -> transport;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "not found";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
