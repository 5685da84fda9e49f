package dev.vpcscaudit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a script with the REAL Google Cloud CLI ({@code gcloud}, installed on every machine of this
 * project, CI's included) pointed at a loopback {@link FakeGcp}: {@code
 * CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER}, a token file, a fresh {@code
 * CLOUDSDK_CONFIG}, prompts off and no proxy variables. A missing gcloud fails with one clear line.
 */
public final class RealGcloud {

  private RealGcloud() {}

  /** Runs {@code script} with bash in {@code dir}. */
  public static Processes.Result runScript(String script, FakeGcp fake, Path dir) {
    try {
      Path file = dir.resolve("plan.sh");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      return run(List.of("bash", file.toString()), fake, dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs {@code command} (e.g. {@code gcloud ... list}) with the environment above. */
  public static Processes.Result run(List<String> command, FakeGcp fake, Path dir) {
    return run(command, fake, dir, java.util.Map.of());
  }

  /** As {@link #run(List, FakeGcp, Path)}, with more variables (e.g. other endpoint overrides). */
  public static Processes.Result run(
      List<String> command, FakeGcp fake, Path dir, java.util.Map<String, String> more) {
    return run(command, fake.url(), dir, more);
  }

  /**
   * As {@link #run(List, FakeGcp, Path, java.util.Map)}, with Access Context Manager at {@code
   * acmUrl}.
   */
  public static Processes.Result run(
      List<String> command, String acmUrl, Path dir, java.util.Map<String, String> more) {
    return run(command, acmUrl, dir, more, Duration.ofSeconds(120));
  }

  /** As above, waiting up to {@code timeout} (a script of many gcloud commands on a busy host). */
  public static Processes.Result run(
      List<String> command,
      String acmUrl,
      Path dir,
      java.util.Map<String, String> more,
      Duration timeout) {
    if (!TerraformFmt.onPath("gcloud")) {
      throw new AssertionError(
          "gcloud is not installed: these tests run the real Google Cloud CLI (Debian package"
              + " google-cloud-cli)");
    }
    try {
      Path config = Files.createDirectories(dir.resolve("gcloud-config"));
      Path token = dir.resolve("gcloud-token");
      Files.writeString(token, "fake-token-for-gcloud\n");
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      var env = pb.environment();
      for (String proxy :
          List.of(
              "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")) {
        env.remove(proxy);
      }
      env.put("CLOUDSDK_CONFIG", config.toString());
      env.put("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", token.toString());
      env.put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
      env.put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "1");
      env.put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "1");
      env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER", acmUrl + "/");
      env.put("HOME", dir.toString());
      env.putAll(more);
      return Processes.run(pb, timeout);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
