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
 * The class-data-sharing training run that the build and the container image make ({@code java
 * -XX:ArchiveClassesAtExit=ARCHIVE -cp vpcsc-audit.jar dev.vpcscaudit.cli.CdsTraining SAMPLE
 * SERVICES}): one JVM runs what users run, so that the archive holds the classes of each path: an
 * offline audit into every report format, both plan renderers, and a live audit against a closed
 * loopback port (credentials, the HTTP transport and the typed clients load; the read fails at
 * once, by design). Nothing leaves the machine, and the output is discarded.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CdsTraining PERIMETERS_JSON SUPPORTED_SERVICES_JSON");
      System.exit(2);
    }
    List<String> failed = train(args[0], args[1]);
    if (!failed.isEmpty()) {
      // A path that failed would leave its classes out: say so; the archive is still written.
      System.err.println("CdsTraining: unexpected exit codes: " + String.join("; ", failed));
    }
    System.exit(0); // the archive is written at exit; no lingering thread may hold it
  }

  /**
   * Runs the training; returns the runs whose exit code was not the expected one (0 or 1 offline, 3
   * for the live run against the closed port), empty when every path ran as it should.
   */
  static List<String> train(String sample, String services) throws IOException {
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
      for (String as : List.of("gcloud", "terraform")) {
        run(failed, Map.of(), "plan", offline, "--from-file=" + sample, "--as=" + as);
      }
      // Live, against a loopback port nothing listens on: fails fast after loading the live path.
      Path adc = dir.resolve("adc.json");
      Files.writeString(
          adc,
          "{\"type\": \"authorized_user\", \"client_id\": \"cds-training\", \"client_secret\":"
              + " \"none\", \"refresh_token\": \"none\", \"token_uri\":"
              + " \"http://127.0.0.1:1/token\"}");
      run(
          failed,
          Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString(), "NO_GCE_CHECK", "true"),
          "audit",
          "--project=gdc-prod",
          "--acm-endpoint=http://127.0.0.1:1/",
          "--crm-endpoint=http://127.0.0.1:1/",
          "--timeout=1");
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
    boolean live = env.containsKey("GOOGLE_APPLICATION_CREDENTIALS");
    if (live ? code != ExitCode.INCOMPLETE.code() : code > ExitCode.FINDINGS.code()) {
      failed.add(String.join(" ", args) + " -> " + code);
    }
  }
}
