package dev.vpcscaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class-data-sharing training run that the build, the installer and the container image make
 * (bin/train-cds: {@code java -XX:DumpLoadedClassList=LIST -cp vpcsc-audit.jar
 * dev.vpcscaudit.cli.CdsTraining SAMPLE SERVICES}, then {@code -Xshare:dump} of that list): one JVM
 * runs what users run, so that the archive holds the classes of each path: an offline audit into
 * every report format, both plan renderers, and a live audit, export and plan against canned API
 * answers on a loopback port ({@link LoopbackApis}). Nothing leaves the machine, and the output is
 * discarded.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CdsTraining PERIMETERS_JSON SUPPORTED_SERVICES_JSON");
      System.exit(2);
    }
    // What Main.main reads before Main.run, which the training calls directly.
    Map.copyOf(System.getenv());
    System.console();
    List<String> failed = train(args[0], args[1], true);
    if (!failed.isEmpty()) {
      // A path that failed would leave its classes out: say so; the archive is still written.
      System.err.println("CdsTraining: unexpected exit codes: " + String.join("; ", failed));
    }
    System.exit(0); // the archive is written at exit; no lingering thread may hold it
  }

  /**
   * Runs the training; returns the runs whose exit code was not the expected one (0 or 1), empty
   * when every path ran as it should.
   */
  static List<String> train(String sample, String services, boolean live) throws IOException {
    Path dir = Files.createTempDirectory("vpcsc-audit-cds");
    List<String> failed = new ArrayList<>();
    try {
      String offline = "--project=123456789012";
      run(
          failed,
          Map.of(),
          "audit",
          offline,
          "--from-file=" + sample,
          "--services-file=" + services,
          "--format=text,json,sarif,junit,markdown",
          "--output-dir=" + dir.resolve("reports"));
      run(failed, Map.of(), "audit", offline, "--from-file=" + sample);
      // A profile file of the user's (YAML; the shipped ones are compiled in as JSON).
      Path profile = dir.resolve("profile.yaml");
      Files.writeString(
          profile,
          dev.vpcscaudit.profile.Profiles.shippedText(dev.vpcscaudit.profile.Profiles.DEFAULT));
      run(failed, Map.of(), "audit", offline, "--from-file=" + sample, "--profile=" + profile);
      for (String as : List.of("gcloud", "terraform")) {
        run(failed, Map.of(), "plan", offline, "--from-file=" + sample, "--as=" + as);
      }
      run(failed, Map.of(), "--help");
      run(failed, Map.of(), "profiles", "list");
      if (!live) {
        return failed;
      }
      // Live, against canned answers on a loopback port: credentials, the HTTP transport, the
      // typed clients and the response parsers load as in a real run.
      try (LoopbackApis apis = new LoopbackApis(sample, services)) {
        Path adc = dir.resolve("adc.json");
        Files.writeString(
            adc,
            "{\"type\": \"authorized_user\", \"client_id\": \"cds-training\", \"client_secret\":"
                + " \"none\", \"refresh_token\": \"none\", \"token_uri\": \""
                + apis.url()
                + "/token\"}");
        Map<String, String> env =
            Map.of(
                "GOOGLE_APPLICATION_CREDENTIALS",
                adc.toString(),
                "NO_GCE_CHECK",
                "true",
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER",
                apis.url() + "/",
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER",
                apis.url() + "/");
        run(failed, env, "audit", "--project=gdc-prod", "--check-services", "--timeout=20");
        run(failed, env, "export", "--project=123456789012", "--policy=" + apis.policy());
        run(failed, env, "plan", "--project=gdc-prod", "--as=gcloud", "--timeout=20");
      }
    } finally {
      deleteTree(dir);
    }
    return failed;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void run(List<String> failed, Map<String, String> env, String... args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int code = Main.run(sink, sink, env, args);
    if (code > ExitCode.FINDINGS.code()) {
      failed.add(String.join(" ", args) + " -> " + code);
    }
  }

  /**
   * Canned answers of the APIs a live run calls (OAuth token, Resource Manager v1 getAncestry and
   * v3 projects.get, Access Context Manager v1 policies, perimeters and supported services), for
   * project gdc-prod = projects/123456789012 under folders/2 and organizations/9000, with the
   * perimeters of the sample export. Training only: it answers what the tool asks, nothing more.
   */
  static final class LoopbackApis implements AutoCloseable {

    private final com.sun.net.httpserver.HttpServer server;
    private final String policy;

    LoopbackApis(String sample, String services) throws IOException {
      String perimeters = Files.readString(Path.of(sample)).strip();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("accessPolicies/([0-9]+)/").matcher(perimeters);
      policy = m.find() ? m.group(1) : "1";
      Map<String, String> answers =
          Map.of(
              "/token",
              "{\"access_token\": \"cds-training\", \"expires_in\": 3600, \"token_type\":"
                  + " \"Bearer\"}",
              "/v1/projects/gdc-prod:getAncestry",
              "{\"ancestor\": [{\"resourceId\": {\"type\": \"project\", \"id\": \"gdc-prod\"}},"
                  + " {\"resourceId\": {\"type\": \"folder\", \"id\": \"2\"}},"
                  + " {\"resourceId\": {\"type\": \"organization\", \"id\": \"9000\"}}]}",
              "/v3/projects/gdc-prod",
              "{\"name\": \"projects/123456789012\", \"projectId\": \"gdc-prod\", \"parent\":"
                  + " \"folders/2\", \"state\": \"ACTIVE\"}",
              "/v3/projects/123456789012",
              "{\"name\": \"projects/123456789012\", \"projectId\": \"gdc-prod\", \"parent\":"
                  + " \"folders/2\", \"state\": \"ACTIVE\"}",
              "/v1/accessPolicies",
              "{\"accessPolicies\": [{\"name\": \"accessPolicies/"
                  + policy
                  + "\", \"parent\": \"organizations/9000\", \"title\": \"training\"}]}",
              "/v1/accessPolicies/" + policy + "/servicePerimeters",
              "{\"servicePerimeters\": " + perimeters + "}",
              "/v1/accessPolicies/" + policy + "/accessLevels",
              "{\"accessLevels\": [{\"name\": \"accessPolicies/"
                  + policy
                  + "/accessLevels/corp\", \"basic\": {\"conditions\": [{\"ipSubnetworks\":"
                  + " [\"203.0.113.0/24\"]}]}}]}",
              "/v1/services",
              "{\"supportedServices\": " + Files.readString(Path.of(services)).strip() + "}");
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          ex -> {
            String answer = answers.get(ex.getRequestURI().getPath());
            byte[] body =
                (answer != null
                        ? answer
                        : "{\"error\": {\"code\": 404, \"status\": \"NOT_FOUND\"}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(answer != null ? 200 : 404, body.length);
            try (java.io.OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String policy() {
      return policy;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
