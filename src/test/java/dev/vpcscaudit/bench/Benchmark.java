package dev.vpcscaudit.bench;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.gcp.LivePerimeterSource;
import dev.vpcscaudit.gcp.http.CallLog;
import dev.vpcscaudit.gcp.http.Endpoints;
import dev.vpcscaudit.gcp.http.ProxySettings;
import dev.vpcscaudit.gcp.http.RetryPolicy;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.plan.FixPlan;
import dev.vpcscaudit.plan.GcloudRenderer;
import dev.vpcscaudit.plan.Planner;
import dev.vpcscaudit.plan.TerraformRenderer;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import dev.vpcscaudit.report.JsonReport;
import dev.vpcscaudit.source.PerimeterFiles;
import dev.vpcscaudit.source.PerimeterSource;
import dev.vpcscaudit.testing.FakeGcp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Measures what users wait for and prints figures and ratios (never asserted in tests): an offline
 * audit of a large export, plan rendering, and a live discovery against the local fake with a fixed
 * per-request latency, sequential against parallel. Run with {@code make bench}.
 */
public final class Benchmark {

  static final String PROJECT = "123456789012";
  static final String ORG = "organizations/9000";

  public static void main(String[] args) throws Exception {
    int perimeters = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 40;
    Profile profile = Profiles.resolve(Profiles.DEFAULT);
    System.out.printf(
        "vpcsc-audit benchmark (java %s, %d cores)%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    // 1. Offline audit of a large export: parse + evaluate + JSON report.
    Path dir = Files.createTempDirectory("vpcsc-bench");
    Path export = dir.resolve("perimeters.json");
    Files.writeString(export, export(perimeters));
    long bytes = Files.size(export);
    double auditMs =
        median(
            () -> {
              List<ServicePerimeter> read = PerimeterFiles.read(export);
              AuditResult r =
                  AuditEngine.audit(new ProjectRef(null, PROJECT), read, profile, "file");
              return JsonReport.render(r, "bench").length();
            });
    System.out.printf(
        "offline audit, %d perimeters (%.1f MiB): median %.1f ms = %.0f perimeters/s%n",
        perimeters, bytes / 1048576.0, auditMs, perimeters / (auditMs / 1000));

    // 2. Plans for the project's perimeter, both renderers.
    List<ServicePerimeter> read = PerimeterFiles.read(export);
    double gcloudMs = median(() -> GcloudRenderer.render(plan(read, profile)).length());
    double tfMs = median(() -> TerraformRenderer.render(plan(read, profile)).length());
    System.out.printf(
        "plan (find + render) over the same export: gcloud median %.1f ms, terraform median %.1f ms%n%n",
        gcloudMs, tfMs);

    // 3. Live discovery: project three folders deep, org-level policy + three scoped to ancestors.
    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", PROJECT, "folders/3")
          .folder("folders/3", "folders/2")
          .folder("folders/2", "folders/1")
          .folder("folders/1", ORG);
      fake.policy(ORG, "accessPolicies/100", null);
      for (int f = 1; f <= 3; f++) {
        fake.policy(ORG, "accessPolicies/10" + f, "folders/" + f);
      }
      fake.perimeters(
          "accessPolicies/100",
          "[{\"name\": \"accessPolicies/100/servicePerimeters/gdc\", \"status\": {\"resources\": [\"projects/"
              + PROJECT
              + "\"]}}]");
      int before = fake.apiRequests().size();
      double fixed = live(fake, LivePerimeterSource.Config.DEFAULT_PARALLELISM);
      int requests =
          (fake.apiRequests().size() - before) / 4; // one warm-up and three measured runs
      fake.latency(latency);
      double sequential = live(fake, 1);
      double parallel = live(fake, LivePerimeterSource.Config.DEFAULT_PARALLELISM);
      System.out.printf(
          "live discovery (project 3 folders deep, 4 candidate policies): %d requests%n", requests);
      System.out.printf("  no latency (client start-up and local work): median %.0f ms%n", fixed);
      System.out.printf(
          "  %d ms per request, one read at a time: median %.0f ms%n", latency, sequential);
      System.out.printf(
          "  %d ms per request, %d in parallel:     median %.0f ms  -> %.2fx faster%n",
          latency, LivePerimeterSource.Config.DEFAULT_PARALLELISM, parallel, sequential / parallel);
      System.out.printf(
          "  lower bound for the dependent chain (project, 3 folders, policies, listings): %d ms + start-up%n",
          6 * latency);
    }
  }

  static FixPlan plan(List<ServicePerimeter> perimeters, Profile profile) {
    return Planner.plan(
        new ProjectRef(null, PROJECT),
        perimeters,
        profile,
        Stage.DRY_RUN,
        null,
        "vpcsc-audit audit");
  }

  static double live(FakeGcp fake, int parallelism) throws Exception {
    LivePerimeterSource.Config config =
        new LivePerimeterSource.Config(
            null,
            null,
            null,
            null,
            Endpoints.resolve(fake.url(), fake.url(), Map.of()),
            ProxySettings.fromEnv(Map.of()),
            Map.of(),
            Duration.ofSeconds(60),
            RetryPolicy.DEFAULT,
            parallelism,
            /* readSupportedServices= */ false,
            null,
            null);
    java.util.function.Function<dev.vpcscaudit.gcp.http.ApiTransport, GoogleCredentials> creds =
        transport ->
            GoogleCredentials.newBuilder()
                .setAccessToken(new AccessToken("bench", new Date(Long.MAX_VALUE)))
                .build();
    return median(
        () -> {
          PerimeterSource.Discovery d =
              new LivePerimeterSource(config, CallLog.quiet(), creds)
                  .discover(ProjectRef.parse("gdc-prod"));
          return d.perimeters().size();
        },
        1,
        3);
  }

  /** An export of {@code n} perimeters, each a realistic size; the last one holds the project. */
  static String export(int n) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      boolean mine = i == n - 1;
      out.append(i == 0 ? "" : ",")
          .append("{\"name\": \"accessPolicies/100/servicePerimeters/p")
          .append(i)
          .append("\", \"title\": \"team ")
          .append(i)
          .append("\", \"status\": {\"resources\": [\"projects/")
          .append(mine ? PROJECT : String.valueOf(500000 + i))
          .append("\", \"projects/")
          .append(600000 + i)
          .append("\"], \"restrictedServices\": [")
          .append(
              "\"storage.googleapis.com\", \"bigquery.googleapis.com\", \"logging.googleapis.com\", \"monitoring.googleapis.com\"")
          .append(
              "], \"accessLevels\": [\"accessPolicies/100/accessLevels/corp\"], \"ingressPolicies\": [{\"title\": \"in")
          .append(i)
          .append("\", \"ingressFrom\": {\"identities\": [\"user:a")
          .append(i)
          .append(
              "@example.com\"], \"sources\": [{\"accessLevel\": \"*\"}]}, \"ingressTo\": {\"resources\": [\"*\"],")
          .append(
              " \"operations\": [{\"serviceName\": \"storage.googleapis.com\", \"methodSelectors\": [{\"method\": \"*\"}]}]}}]}}");
    }
    return out.append("]").toString();
  }

  interface Work {
    Object run() throws Exception;
  }

  static double median(Work work) throws Exception {
    return median(work, 3, 9);
  }

  static double median(Work work, int warmups, int runs) throws Exception {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
