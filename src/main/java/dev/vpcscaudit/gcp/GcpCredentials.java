package dev.vpcscaudit.gcp;

import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.gcp.http.ApiTransport;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Application Default Credentials, found the way gcloud and the client libraries find them but from
 * the environment passed to the run (never {@code System.getenv}): {@code
 * GOOGLE_APPLICATION_CREDENTIALS}, then gcloud's ADC file ({@code
 * $CLOUDSDK_CONFIG/application_default_credentials.json}, else {@code
 * ~/.config/gcloud/application_default_credentials.json}), then the metadata server (skipped with
 * {@code NO_GCE_CHECK=true}). Optionally impersonating a service account and with a quota project.
 * Every token request goes through the run's {@link ApiTransport} (retries, deadline, proxies,
 * {@code --verbose}). Tokens are never printed.
 */
public final class GcpCredentials {

  public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

  static final String ADC_FILE = "application_default_credentials.json";

  private GcpCredentials() {}

  /**
   * Loads the credentials of a live run.
   *
   * @param transport the run's transport; token requests go through its credentials view
   * @param impersonate service account email to impersonate, or null
   * @param billingProject quota project for {@code x-goog-user-project}, or null
   */
  public static GoogleCredentials load(
      ApiTransport transport,
      Endpoints endpoints,
      String impersonate,
      String billingProject,
      Map<String, String> env) {
    ApiTransport tokenTransport = transport.forCredentials();
    HttpTransportFactory tokens = () -> tokenTransport;
    GoogleCredentials credentials = applicationDefault(tokens, env);
    if (credentials.createScopedRequired()) {
      credentials = credentials.createScoped(List.of(CLOUD_PLATFORM));
    }
    if (impersonate != null) {
      credentials =
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
                      + ":generateAccessToken")
              .build();
    }
    if (billingProject != null) {
      credentials = credentials.createWithQuotaProject(billingProject);
    }
    return credentials;
  }

  private static GoogleCredentials applicationDefault(
      HttpTransportFactory tokens, Map<String, String> env) {
    String explicit = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    if (explicit != null && !explicit.isBlank()) {
      return fromFile(Path.of(explicit), "GOOGLE_APPLICATION_CREDENTIALS=" + explicit, tokens);
    }
    Path gcloudFile = gcloudAdcFile(env);
    if (gcloudFile != null && Files.isRegularFile(gcloudFile)) {
      return fromFile(gcloudFile, "gcloud's ADC file " + gcloudFile, tokens);
    }
    if (!"true".equalsIgnoreCase(env.getOrDefault("NO_GCE_CHECK", "")) && onGce(env)) {
      return ComputeEngineCredentials.newBuilder().setHttpTransportFactory(tokens).build();
    }
    String looked = gcloudFile == null ? "GOOGLE_APPLICATION_CREDENTIALS" : gcloudFile.toString();
    throw new CloudReadException(
        env.containsKey("NO_GCE_CHECK")
            ? Text.of("adc.none", looked)
            : Text.of("adc.none.metadata", looked));
  }

  /** gcloud's ADC file: {@code $CLOUDSDK_CONFIG}, else the platform's gcloud config folder. */
  static Path gcloudAdcFile(Map<String, String> env) {
    String config = env.get("CLOUDSDK_CONFIG");
    if (config != null && !config.isBlank()) {
      return Path.of(config, ADC_FILE);
    }
    String appData = env.get("APPDATA");
    if (appData != null && !appData.isBlank()) {
      return Path.of(appData, "gcloud", ADC_FILE);
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home, ".config", "gcloud", ADC_FILE);
  }

  private static GoogleCredentials fromFile(Path file, String what, HttpTransportFactory tokens) {
    try (InputStream in = Files.newInputStream(file)) {
      return GoogleCredentials.fromStream(in, tokens);
    } catch (NoSuchFileException e) {
      throw new CloudReadException(Text.of("adc.no-such-file", what), e);
    } catch (IOException | RuntimeException e) {
      throw new CloudReadException(Text.of("adc.unusable", what, firstLine(e.getMessage())), e);
    }
  }

  /**
   * Whether a metadata server answers, as the client libraries check it: one GET with {@code
   * Metadata-Flavor: Google}, never through a proxy, given one second.
   */
  private static boolean onGce(Map<String, String> env) {
    String host = env.getOrDefault("GCE_METADATA_HOST", "metadata.google.internal");
    // HttpURLConnection, as ApiTransport: java.net.http's selector thread would hold the exit.
    try {
      java.net.HttpURLConnection c =
          (java.net.HttpURLConnection)
              URI.create("http://" + host + "/computeMetadata/v1/")
                  .toURL()
                  .openConnection(java.net.Proxy.NO_PROXY);
      c.setConnectTimeout(1000);
      c.setReadTimeout(1000);
      c.setRequestProperty("Metadata-Flavor", "Google");
      c.getResponseCode();
      String flavor = c.getHeaderField("Metadata-Flavor");
      c.disconnect();
      return "Google".equals(flavor);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
