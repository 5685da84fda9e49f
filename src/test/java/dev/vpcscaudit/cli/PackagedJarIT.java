package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliverable itself: {@code java -jar target/vpcsc-audit.jar}, shaded, offline and live (ADC +
 * endpoint overrides against the local fake), so a broken shade (lost service files, missing
 * classes) fails the build.
 */
class PackagedJarIT {

  @TempDir Path dir;

  SubprocessTest.Run jar(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(System.getProperty("jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Processes.Result r = Processes.run(pb, java.time.Duration.ofSeconds(120));
    return new SubprocessTest.Run(r.code(), r.out(), r.err());
  }

  /**
   * An out-of-memory error is the contract's exit 3 in one line naming the input, never exit 1 with
   * a stack trace: a small heap and an export whose every perimeter is kept.
   */
  @Test
  void outOfMemoryIsOneLineAndExitThree() throws Exception {
    Path big = dir.resolve("big.json");
    try (java.io.Writer w = Files.newBufferedWriter(big)) {
      w.write("[");
      for (int i = 0; i < 200_000; i++) {
        w.write(
            (i == 0 ? "" : ",")
                + "{\"name\": \"accessPolicies/1/servicePerimeters/p"
                + i
                + "\", \"status\": {\"resources\": [\"projects/"
                + (100000 + i)
                + "\"], \"restrictedServices\": [\"logging.googleapis.com\"]}}\n");
      }
      w.write("]");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx24m");
    cmd.add("-jar");
    cmd.add(System.getProperty("jar"));
    cmd.addAll(List.of("audit", "--all-projects", "--from-file", big.toString()));
    Processes.Result r = Processes.run(new ProcessBuilder(cmd), java.time.Duration.ofSeconds(120));
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .startsWith("error: out of memory (the heap's limit is ")
        .contains("the input --from-file " + big + " is too large for it")
        .doesNotContain("\tat ");
  }

  @Test
  void offlineAndLiveFromThePackagedJar() throws Exception {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    SubprocessTest.Run version = jar(Map.of(), "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("vpcsc-audit ");

    SubprocessTest.Run offline =
        jar(Map.of(), "audit", "--project", "123456789012", "--from-file", sample);
    assertThat(offline.code()).as(offline.err()).isEqualTo(1);
    assertThat(offline.out()).contains("Not compliant with profile gdc-bare-metal");

    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", "123456789012", "organizations/9000")
          .policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters("accessPolicies/587139914682", Files.readString(Path.of(sample)))
          .levels(
              "accessPolicies/587139914682",
              Files.readString(Fixtures.repoRoot().resolve("samples/access-levels.json")));
      Map<String, String> env = fake.adcEnv(dir);
      env.put("HOME", dir.toString());
      env.put("CLOUDSDK_CONFIG", dir.resolve("gcloud").toString());

      SubprocessTest.Run live = jar(env, "plan", "--project", "gdc-prod", "--as", "terraform");

      assertThat(live.code()).as(live.err()).isZero();
      assertThat(live.out())
          .contains("import {", "accessPolicies/587139914682/servicePerimeters/gdc_prod");
      // Three dependent round trips: the project beside getAncestry, the policies, the perimeters
      // beside the access levels.
      assertThat(fake.apiRequests())
          .extracting(FakeGcp.Request::path)
          .containsExactlyInAnyOrder(
              "/v1/projects/gdc-prod:getAncestry",
              "/v3/projects/gdc-prod",
              "/v1/accessPolicies/587139914682/accessLevels",
              "/v1/accessPolicies",
              "/v1/accessPolicies/587139914682/servicePerimeters");
    }
  }

  @Test
  void launcherRunsThroughASymlinkWithoutRebuildingAFreshJar() throws Exception {
    Path link = dir.resolve("bin/vpcsc-audit");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Fixtures.repoRoot().resolve("bin/vpcsc-audit"));
    // A fresh jar (this build's) must not be rebuilt: the launcher says when it builds. The jar's
    // time is put back afterwards: the JVM refuses the class-data-sharing archive of a jar whose
    // modification time changed, and every later run of the launcher would start without it.
    Path jar = Path.of(System.getProperty("jar"));
    java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    Processes.Result r;
    try {
      r =
          Processes.run(
              new ProcessBuilder(link.toString(), "--version").directory(dir.toFile()),
              java.time.Duration.ofSeconds(60));
    } finally {
      Files.setLastModifiedTime(jar, built);
    }

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("vpcsc-audit " + dev.vpcscaudit.ToolVersion.get() + "\n");
    assertThat(r.err()).doesNotContain("building");
  }

  /** The training run is build tooling: it ships beside the jar (for bin/install), not in it. */
  @Test
  void theTrainingRunIsNotInTheShippedJar() throws Exception {
    Path jar = Path.of(System.getProperty("jar"));
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
          .noneMatch(n -> n.contains("CdsTraining"));
    }
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(jar.resolveSibling("vpcsc-audit-training.jar").toFile())) {
      assertThat(zip.getEntry("dev/vpcscaudit/cli/CdsTraining.class")).isNotNull();
    }
  }

  /**
   * The container image's runtime stage without a Docker engine: its COPY lines followed into a
   * folder that stands for the image's root (the build stage's target/ being this build's), its
   * training RUN line run as written, and its ENTRYPOINT started with -Xshare:on: the archive the
   * image makes is the one its entry point starts from.
   */
  @Test
  void theImagesTrainingStepMakesTheArchiveItsEntryPointStartsFrom() throws Exception {
    Path root = Files.createDirectories(dir.resolve("image"));
    Path target = Path.of(System.getProperty("jar")).getParent();
    List<String> lines =
        Files.readString(Fixtures.repoRoot().resolve("Dockerfile"))
            .replace("\\\n", " ")
            .lines()
            .toList();
    int runtime =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("FROM eclipse-temurin"))
                .findFirst()
                .orElseThrow());
    String entry = null;
    for (String line : lines.subList(runtime, lines.size())) {
      String[] w = line.trim().split("\\s+");
      if (w[0].equals("COPY")) {
        boolean fromBuild = w[1].equals("--from=build");
        String from = fromBuild ? w[2] : w[1];
        String to = fromBuild ? w[3] : w[2];
        Path source =
            fromBuild
                ? target.resolve(from.replaceFirst("^/src/target/", ""))
                : Fixtures.repoRoot().resolve(from);
        Path dest = root.resolve(to.substring(1));
        Files.createDirectories(dest.getParent());
        Files.copy(source, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      } else if (w[0].equals("RUN") && line.contains("train-cds")) {
        String command =
            line.trim().substring(4).replaceAll("(?<=[ =\"]|^)/(opt|tmp)/", root + "/$1/");
        Processes.Result r =
            Processes.run(
                new ProcessBuilder("bash", "-c", command), java.time.Duration.ofSeconds(180));
        assertThat(r.code()).as(r.err()).isZero();
      } else if (w[0].equals("ENTRYPOINT")) {
        entry = line.substring(line.indexOf('['));
      }
    }
    assertThat(root.resolve("opt/vpcsc-audit/vpcsc-audit.jsa")).exists();
    assertThat(root.resolve("tmp/training")).doesNotExist();
    List<String> command = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode w :
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(entry)) {
      command.add(w.asText().replace("/opt/", root + "/opt/"));
    }
    command.add(1, "-Xshare:on");
    command.add(1, "-Xlog:class+load=info");
    command.addAll(List.of("profiles", "list"));
    Processes.Result r =
        Processes.run(new ProcessBuilder(command), java.time.Duration.ofSeconds(60));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains(" dev.vpcscaudit.cli.Main ")))
        .singleElement()
        .asString()
        .contains("source: shared objects file");
  }

  @Test
  void launcherStartsFromTheBuildsClassDataSharingArchive() throws Exception {
    // -Xshare:on turns "the archive does not fit this jar" from a silent slow start into an error.
    ProcessBuilder pb =
        new ProcessBuilder(
            Fixtures.repoRoot().resolve("bin/vpcsc-audit").toString(),
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString());
    pb.environment().put("VPCSC_AUDIT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
    Processes.Result r = Processes.run(pb, java.time.Duration.ofSeconds(60));

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    // The classes of the tool itself come from the archive, not from the jar.
    assertThat(r.out().lines().filter(l -> l.contains(" dev.vpcscaudit.cli.Main ")))
        .singleElement()
        .asString()
        .contains("source: shared objects file");
    // What start-up was cut of stays cut (docs/performance.md): every class comes from the
    // archive, and none of these loads at all. Structure, not timings: a regression fails here.
    List<String> loaded =
        r.out().lines().filter(l -> l.contains("[class,load]")).map(l -> l.split(" ")[1]).toList();
    assertThat(
            r.out().lines().filter(l -> l.contains("[class,load]") && l.contains("source: file:")))
        .as("classes read from the jar instead of the archive")
        .isEmpty();
    // picocli's classes (class files of Java 5) come from the static archive too.
    assertThat(r.out().lines().filter(l -> l.contains("[class,load] picocli.CommandLine ")))
        .singleElement()
        .asString()
        .contains("source: shared objects file");
    assertThat(loaded)
        .as("start-up costs that were removed")
        .noneMatch(c -> c.startsWith("com.fasterxml.jackson.databind.ObjectMapper"))
        .noneMatch(c -> c.startsWith("org.yaml.snakeyaml."))
        .noneMatch(c -> c.startsWith("jdk.proxy") || c.contains("$Proxy"));
    // (indy string concatenation spun ~50 of these; the build compiles it as StringBuilder calls)
    assertThat(loaded.stream().filter(c -> c.startsWith("java.lang.invoke.LambdaForm$MH/")))
        .as("method-handle classes spun at run time")
        .hasSizeLessThanOrEqualTo(2);
  }

  /**
   * An install path like other CLIs: bin/install (what make install runs) puts the launcher on
   * PREFIX/bin with the jar and the archive trained for it in PREFIX/lib; the installed launcher
   * starts from its own archive (-Xshare:on makes a mismatch an error), and a release archive (make
   * dist) unpacks and installs the same way.
   */
  @Test
  void installAndReleaseArchiveGiveALauncherThatStartsFromItsArchive() throws Exception {
    Path install = Fixtures.repoRoot().resolve("bin/install");
    Path prefix = dir.resolve("prefix");
    Processes.Result installed =
        Processes.run(
            new ProcessBuilder(install.toString(), prefix.toString()),
            java.time.Duration.ofSeconds(120));
    assertThat(installed.code()).as(installed.err()).isZero();
    Path launcher = prefix.resolve("bin/vpcsc-audit");
    assertThat(prefix.resolve("lib/vpcsc-audit/vpcsc-audit.jsa")).exists();
    assertThat(prefix.resolve("lib/vpcsc-audit")).isDirectoryNotContaining("glob:**.classlist");

    Processes.Result version =
        Processes.run(
            new ProcessBuilder(launcher.toString(), "--version"), java.time.Duration.ofSeconds(60));
    assertThat(version.code()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("vpcsc-audit ");

    ProcessBuilder audit =
        new ProcessBuilder(
            launcher.toString(),
            "audit",
            "--project",
            "123456789012",
            "--from-file",
            prefix.resolve("share/vpcsc-audit/samples/gdc-perimeters.json").toString());
    audit.environment().put("VPCSC_AUDIT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
    Processes.Result r = Processes.run(audit, java.time.Duration.ofSeconds(60));
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out().lines().filter(l -> l.contains(" dev.vpcscaudit.cli.Main ")))
        .singleElement()
        .asString()
        .contains("source: shared objects file");
    assertThat(r.out().lines().filter(l -> l.contains("[class,load] picocli.")))
        .as("picocli's classes, from the installed archive")
        .isNotEmpty()
        .allMatch(l -> l.contains("source: shared objects file"));

    Processes.Result dist =
        Processes.run(
            new ProcessBuilder(install.toString(), "--dist"), java.time.Duration.ofSeconds(120));
    assertThat(dist.code()).as(dist.err()).isZero();
    String tarball = dist.out().strip().replaceFirst("^wrote ", "").replaceFirst(" \\(.*", "");
    Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
    assertThat(
            Processes.run(
                    new ProcessBuilder("tar", "-xzf", tarball, "-C", unpacked.toString()),
                    java.time.Duration.ofSeconds(60))
                .code())
        .isZero();
    Path release;
    try (java.util.stream.Stream<Path> entries = Files.list(unpacked)) {
      release = entries.findFirst().orElseThrow();
    }
    // A PREFIX with a space installs and runs too (without the archive, which the installer says).
    Path other = dir.resolve("other prefix");
    Processes.Result fromRelease =
        Processes.run(
            new ProcessBuilder(release.resolve("bin/install").toString(), other.toString()),
            java.time.Duration.ofSeconds(120));
    assertThat(fromRelease.code()).as(fromRelease.err()).isZero();
    assertThat(fromRelease.out()).contains("has a space in its path");
    Processes.Result releaseVersion =
        Processes.run(
            new ProcessBuilder(other.resolve("bin/vpcsc-audit").toString(), "--version"),
            java.time.Duration.ofSeconds(60));
    assertThat(releaseVersion.out()).isEqualTo(version.out());
  }

  @Test
  void launcherStartsALiveRunFromTheSameArchive() throws Exception {
    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", "123456789012", "organizations/9000")
          .policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters(
              "accessPolicies/587139914682",
              Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json")));
      ProcessBuilder pb =
          new ProcessBuilder(
              Fixtures.repoRoot().resolve("bin/vpcsc-audit").toString(),
              "audit",
              "--project",
              "gdc-prod");
      pb.environment().putAll(fake.adcEnv(dir));
      pb.environment().put("VPCSC_AUDIT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
      Processes.Result r = Processes.run(pb, java.time.Duration.ofSeconds(60));

      assertThat(r.code()).as(r.err()).isEqualTo(1);
      // The credentials and the API clients come from the archive, not from the jar.
      assertThat(
              r.out().lines().filter(l -> l.contains(" com.google.auth.oauth2.UserCredentials ")))
          .singleElement()
          .asString()
          .contains("source: shared objects file");
    }
  }

  @Test
  void stderrCarriesOnlyTheToolsOwnLines() throws Exception {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    try (dev.vpcscaudit.testing.FakeDns dns = new dev.vpcscaudit.testing.FakeDns()) {
      dns.restrictedZone(dev.vpcscaudit.audit.AuditEngine.dnsNames(Fixtures.gdc()));
      Path report = dir.resolve("report.json");
      SubprocessTest.Run r =
          jar(
              Map.of(),
              "audit",
              "--project",
              "123456789012",
              "--from-file",
              sample,
              "--dns-resolver",
              dns.address(),
              "--format",
              "json",
              "--output",
              report.toString());

      assertThat(r.code()).as(r.err()).isEqualTo(1);
      // One summary line, no SLF4J (or any other library) noise.
      assertThat(r.err().lines().toList())
          .containsExactly("wrote json report to " + report + " (not compliant)");
    }
  }

  /**
   * cloudbuild.yaml's audit and gate steps as Cloud Build runs them, three nights in a row on an
   * organization (the prepare step's baseline handling is ScheduledJobTest's, with the real
   * gcloud): night 1 has no baseline, so every finding is new and the gate fails; night 2 compares
   * with night 1 and passes (nothing new); night 3 finds one more error and fails on it alone.
   */
  @Test
  void theNightlyJobFailsOnlyOnWhatIsNew() throws Exception {
    dev.vpcscaudit.testing.CloudBuildFile build =
        dev.vpcscaudit.testing.CloudBuildFile.read("cloudbuild.yaml");
    Map<String, String> subs =
        build.substitutions(
            Map.of("_ORGANIZATION", "9000", "PROJECT_ID", "tools-project", "BUILD_ID", "b1"));
    String sample = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", "123456789012", "organizations/9000")
          .policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters("accessPolicies/587139914682", sample)
          .levels(
              "accessPolicies/587139914682",
              Files.readString(Fixtures.repoRoot().resolve("samples/access-levels.json")))
          .supportedServices(
              Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json")));
      Map<String, String> env = fake.adcEnv(dir);

      Path previous = null;
      List<String> gates = new ArrayList<>();
      for (int night = 1; night <= 3; night++) {
        if (night == 3) {
          // Someone drops a required service from the enforced config.
          com.fasterxml.jackson.databind.JsonNode restricted =
              fake.perimeter("accessPolicies/587139914682/servicePerimeters/gdc_prod")
                  .path("status")
                  .path("restrictedServices");
          java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = restricted.elements();
          while (it.hasNext()) {
            if (it.next().asText().equals("iam.googleapis.com")) {
              it.remove();
            }
          }
          assertThat(restricted.toString()).doesNotContain("iam.googleapis.com");
        }
        Path ws = Files.createDirectories(dir.resolve("night" + night));
        Files.createDirectories(ws.resolve("reports"));
        Files.writeString(
            ws.resolve("baseline.args"),
            previous == null ? "" : "--baseline=" + ws.resolve("previous.json") + "\n");
        if (previous != null) {
          Files.copy(previous, ws.resolve("previous.json"));
        }
        SubprocessTest.Run audit = jar(env, build.args("audit", subs, ws).toArray(String[]::new));
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(ws.resolve("reports"))
            .isDirectoryContaining("glob:**/vpcsc-audit.json")
            .isDirectoryContaining("glob:**/vpcsc-audit.sarif")
            .isDirectoryContaining("glob:**/vpcsc-audit.junit.xml")
            .isDirectoryContaining("glob:**/vpcsc-audit.md")
            .isDirectoryContaining("glob:**/vpcsc-audit.txt");
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(build.args("gate", subs, ws));
        Processes.Result gate =
            Processes.run(new ProcessBuilder(command), java.time.Duration.ofSeconds(60));
        gates.add(gate.code() + " " + gate.out().lines().reduce((a, b) -> b).orElse(""));
        previous = ws.resolve("reports/vpcsc-audit.json");
      }

      assertThat(gates)
          .containsExactly(
              "1 vpcsc-audit gate: 13 errors, 2 warnings, 15 failing on new",
              "0 vpcsc-audit gate: 13 errors, 2 warnings, 0 failing on new",
              "1 vpcsc-audit gate: 14 errors, 2 warnings, 1 failing on new");
      String third = Files.readString(dir.resolve("night3/reports/vpcsc-audit.txt"));
      assertThat(third).contains("1 new");
    }
  }
}
