package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault suite: every way a run was once able to end green on partial or no data, or to lose a
 * user's file, is a row here (issue 17), beside the bad-input table ({@link BadInputTest}). Each
 * row sets up its own folder (and, for live rows, its own loopback fake of the Google APIs), runs
 * the real CLI in-process, and asserts the exit code, the one line on stderr, what is (not) on
 * stdout, and that every file the row did not declare as an output is byte-identical afterwards.
 */
class FaultSuiteTest {

  @TempDir Path dir;

  static final String PROJECT = Fixtures.PROJECT;

  static final String COMPLIANT = "[" + Fixtures.perimeter("gdc", Fixtures.compliantConfig()) + "]";

  /** What one row needs: a folder of its own and a live fake. */
  record World(Path dir, FakeGcp fake) {
    Path write(String name, String text) throws IOException {
      return Files.writeString(dir.resolve(name), text);
    }

    Map<String, String> live() {
      return fake.adcEnv(dir.resolve(".adc"));
    }
  }

  /** How a row runs: arguments, environment, standard input, and standard output's stream. */
  record Run(List<String> args, Map<String, String> env, byte[] stdin, OutputStream stdout) {
    static Run of(String... args) {
      return new Run(List.of(args), Map.of(), new byte[0], null);
    }

    Run env(Map<String, String> e) {
      return new Run(args, e, stdin, stdout);
    }

    Run stdout(OutputStream out) {
      return new Run(args, env, stdin, out);
    }
  }

  interface Setup {
    Run apply(World w) throws Exception;
  }

  /**
   * One row.
   *
   * @param stderr a part of the one stderr line (the last line when {@code lines} allows more)
   * @param stdout what standard output must satisfy
   * @param outputs files the run may create or change (relative to the row's folder)
   */
  record Row(
      String what,
      Setup setup,
      int code,
      String stderr,
      Predicate<String> stdout,
      List<String> outputs) {
    @Override
    public String toString() {
      return what;
    }
  }

  static final Predicate<String> EMPTY = String::isEmpty;

  static Row row(String what, int code, String stderr, Setup setup) {
    return new Row(what, setup, code, stderr, EMPTY, List.of());
  }

  static Stream<Row> rows() {
    List<Row> r = new ArrayList<>();

    // 1. Organization scans that see nothing, or part.
    r.add(
        row(
            "--all-projects, projects:search answers none",
            3,
            "no project of organizations/9 was selected: projects:search answered no project",
            w -> {
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              return Run.of("audit", "--organization", "9", "--all-projects").env(w.live());
            }));
    r.add(
        row(
            "--projects-query that matches nothing",
            3,
            "for the query 'labels.gdc:ture' (check its syntax)",
            w -> {
              w.fake().folder("folders/1", "organizations/9").project("p-one-1", "11", "folders/1");
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              return Run.of("audit", "--organization", "9", "--projects-query", "labels.gdc:ture")
                  .env(w.live());
            }));
    r.add(
        row(
            "offline --all-projects, no perimeter lists a project",
            2,
            "no perimeter lists a project (1 perimeter read), so --all-projects selects nothing",
            w ->
                Run.of(
                    "audit",
                    "--all-projects",
                    "--from-file",
                    w.write("e.json", "[{\"name\": \"accessPolicies/1/servicePerimeters/p\"}]")
                        .toString())));
    r.add(
        new Row(
            "a project whose folder folders:search does not return",
            (World w) -> {
              w.fake()
                  .folder("folders/1", "organizations/9")
                  .project("p-seen-1", "11", "folders/1");
              w.fake().project("p-hidden", "12", "folders/77"); // folders/77 is not visible
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              w.fake()
                  .perimeters(
                      "accessPolicies/1",
                      "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"status\":"
                          + " {\"resources\": [\"projects/11\"]}}]");
              return Run.of("audit", "--organization", "9", "--all-projects").env(w.live());
            },
            3,
            "1 of 2 projects could not be read",
            out ->
                out.contains("UNREADABLE")
                    && out.contains("its folder folders/77 is not among the folders the caller")
                    && !out.startsWith("Compliant"),
            List.of()));
    r.add(
        row(
            "getAncestry answers without an organization",
            3,
            "getAncestry answered folders/1 without an organization",
            w -> {
              // The project's folder has no parent the fake can name: the chain is cut.
              w.fake().project("gdc-prod", PROJECT, "folders/1").folder("folders/1", "");
              return Run.of("audit", "--project", "gdc-prod").env(w.live());
            }));

    // 2. Cloud Asset Inventory assets: a perimeter under another asset type is read.
    r.add(
        new Row(
            "CAI: a perimeter filed under the Organization asset type",
            (World w) ->
                Run.of(
                    "audit",
                    "--all-projects",
                    "--format",
                    "json",
                    "--from-file",
                    w.write(
                            "cai.json",
                            "{\"name\": \"//cloudresourcemanager.googleapis.com/organizations/9\","
                                + " \"asset_type\":"
                                + " \"cloudresourcemanager.googleapis.com/Organization\","
                                + " \"service_perimeter\": {\"name\":"
                                + " \"accessPolicies/1/servicePerimeters/p\", \"status\":"
                                + " {\"resources\": [\"projects/11\"]}}}\n")
                        .toString()),
            1,
            "",
            out ->
                out.contains("\"number\": \"11\"") && out.contains("required-service-unrestricted"),
            List.of()));
    r.add(
        new Row(
            "CAI: other assets are counted and named on stderr",
            (World w) ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--format",
                    "json",
                    "--from-file",
                    w.write(
                            "cai.json",
                            "{\"name\": \"//a/1\", \"asset_type\":"
                                + " \"accesscontextmanager.googleapis.com/AccessPolicy\","
                                + " \"access_policy\": {\"name\": \"accessPolicies/111\"}}\n"
                                + "{\"name\": \"//b/1\", \"asset_type\":"
                                + " \"compute.googleapis.com/Instance\", \"resource\": {}}\n"
                                + "{\"name\": \"//b/2\", \"asset_type\":"
                                + " \"compute.googleapis.com/Instance\", \"resource\": {}}\n"
                                + "{\"name\": \"//c/1\", \"asset_type\":"
                                + " \"accesscontextmanager.googleapis.com/ServicePerimeter\","
                                + " \"service_perimeter\": "
                                + Fixtures.perimeter("gdc", Fixtures.compliantConfig())
                                + "}\n")
                        .toString()),
            0,
            "warning: --from-file",
            out -> out.contains("\"compliant\": true"),
            List.of()));

    // 3. The exit-code contract: Errors, capped inputs, write errors on standard output.
    r.add(
        row(
            "an argument file that never ends (@/dev/zero)",
            2,
            "larger than 1 MiB",
            w -> Run.of("audit", "@/dev/zero")));
    r.add(
        row(
            "a profile that never ends (/dev/zero)",
            2,
            "--profile /dev/zero: larger than 1 MiB",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString(),
                    "--profile",
                    "/dev/zero")));
    r.add(
        row(
            "a plan to standard output that fails after 100 bytes",
            3,
            "cannot write standard output",
            w ->
                Run.of(
                        "plan",
                        "--project",
                        PROJECT,
                        "--from-file",
                        Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
                        "--as",
                        "gcloud")
                    .stdout(new FailingStream(100))));
    r.add(
        row(
            "export to /dev/full",
            3,
            "--output /dev/full: cannot write",
            w ->
                Run.of(
                    "export",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString(),
                    "-o",
                    "/dev/full")));

    // 4. Outputs that destroy inputs.
    r.add(
        row(
            "--output-dir through a symlink onto the export",
            2,
            "is also an input of this run",
            w -> {
              Path data = Files.createDirectory(w.dir().resolve("data"));
              Path export = Files.writeString(data.resolve("vpcsc-audit.json"), COMPLIANT);
              Files.createSymbolicLink(w.dir().resolve("reports"), data);
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  export.toString(),
                  "--format",
                  "json,text",
                  "--output-dir",
                  w.dir().resolve("reports").toString());
            }));
    r.add(
        row(
            "an export that is a symlink into the output folder",
            2,
            "is also an input of this run",
            w -> {
              Path reports = Files.createDirectory(w.dir().resolve("reports"));
              Path real = Files.writeString(reports.resolve("vpcsc-audit.json"), COMPLIANT);
              Path link = Files.createSymbolicLink(w.dir().resolve("export.json"), real);
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  link.toString(),
                  "--format",
                  "json",
                  "--output-dir",
                  reports.toString());
            }));
    r.add(
        row(
            "-o over the argument file it was read from",
            2,
            "is also an input of this run",
            w -> {
              Path args = w.dir().resolve("audit.args");
              Files.writeString(
                  args,
                  "--project "
                      + PROJECT
                      + " --from-file "
                      + w.write("ok.json", COMPLIANT)
                      + " -o "
                      + args
                      + "\n");
              return Run.of("audit", "@" + args);
            }));
    r.add(
        new Row(
            "-o /dev/null is written into, never replaced",
            (World w) ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString(),
                    "-o",
                    "/dev/null"),
            0,
            "wrote text report to /dev/null",
            EMPTY,
            List.of()));
    r.add(
        new Row(
            "-o onto a character device made with mknod in the row's folder",
            (World w) -> {
              Path device = w.dir().resolve("null-device");
              Processes.Result made =
                  Processes.run(
                      new ProcessBuilder("mknod", device.toString(), "c", "1", "3"),
                      java.time.Duration.ofSeconds(10));
              org.junit.jupiter.api.Assumptions.assumeTrue(
                  made.code() == 0, "mknod is not permitted here: " + made.err());
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  w.write("ok.json", COMPLIANT).toString(),
                  "-o",
                  device.toString());
            },
            0,
            "wrote text report to",
            EMPTY,
            List.of()));
    r.add(
        new Row(
            "-o onto a FIFO: written into while a reader drains it, never replaced",
            (World w) -> {
              Path fifo = w.dir().resolve("report.fifo");
              Processes.Result made =
                  Processes.run(
                      new ProcessBuilder("mkfifo", fifo.toString()),
                      java.time.Duration.ofSeconds(10));
              assertThat(made.code()).as(made.err()).isZero();
              Thread reader =
                  new Thread(
                      () -> {
                        try (java.io.InputStream in = Files.newInputStream(fifo)) {
                          FIFO_READ.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        } catch (IOException e) {
                          FIFO_READ.set("read failed: " + e);
                        }
                      });
              reader.setDaemon(true);
              reader.start();
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  w.write("ok.json", COMPLIANT).toString(),
                  "-o",
                  fifo.toString());
            },
            0,
            "wrote text report to",
            EMPTY,
            List.of()));
    r.add(
        new Row(
            "-o through a symlink replaces its target, the link stays",
            (World w) -> {
              Path target = w.write("report.txt", "old\n");
              Files.createSymbolicLink(w.dir().resolve("latest.txt"), target);
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  w.write("ok.json", COMPLIANT).toString(),
                  "-o",
                  w.dir().resolve("latest.txt").toString());
            },
            0,
            "wrote text report to",
            EMPTY,
            List.of("report.txt", "latest.txt")));
    r.add(
        row(
            "a second run into a locked --output-dir",
            2,
            "another vpcsc-audit run is writing into this folder",
            w -> {
              Path reports = Files.createDirectory(w.dir().resolve("reports"));
              FileChannel channel =
                  FileChannel.open(
                      reports.resolve(OutputOption.LOCK),
                      StandardOpenOption.CREATE,
                      StandardOpenOption.WRITE);
              HELD.add(channel.lock());
              return Run.of(
                  "audit",
                  "--project",
                  PROJECT,
                  "--from-file",
                  w.write("ok.json", COMPLIANT).toString(),
                  "--format",
                  "json,sarif",
                  "--output-dir",
                  reports.toString());
            }));

    // 5. A secret printed.
    r.add(
        row(
            "HTTPS_PROXY with a password",
            2,
            "HTTPS_PROXY='https://***@proxy:3128'",
            w -> {
              Map<String, String> env = new HashMap<>(w.live());
              env.put("HTTPS_PROXY", "https://user:s3cret-pw@proxy:3128");
              return Run.of("audit", "--project", PROJECT).env(env);
            }));
    r.add(
        row(
            "HTTP_PROXY without a scheme, with a password",
            2,
            "HTTP_PROXY='***@proxy.example:3128/x y': not a proxy URL",
            w -> {
              Map<String, String> env = new HashMap<>(w.live());
              env.put("HTTP_PROXY", "user:s3cret-pw@proxy.example:3128/x y");
              return Run.of("audit", "--project", PROJECT).env(env);
            }));

    // 6. The terminal trusts the input.
    r.add(
        new Row(
            "a title and description with ESC, CR and bidi controls in a text report",
            (World w) ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "t.json",
                            "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\", \"title\":"
                                + " \"\\u001b[2J\\u001b[HCompliant\\r\", \"status\": {\"resources\":"
                                + " [\"projects/"
                                + PROJECT
                                + "\"]}, \"description\": \"\\u202e\"}]")
                        .toString()),
            1,
            "",
            out -> out.contains("Not compliant"),
            List.of()));
    r.add(
        row(
            "an escape sequence in --project",
            2,
            "--project '1234\\x1b[2J': not a project ID",
            w -> Run.of("audit", "--project", "1234\u001b[2J", "--from-file", "x.json")));
    r.add(
        new Row(
            "an unmodelled field name with CR and ESC in export's warning",
            (World w) ->
                Run.of(
                    "export",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "t.json",
                            "[{\"name\": \"accessPolicies/111/servicePerimeters/gdc\","
                                + " \"x\\r\\u001b[2K\": 1, \"status\": {\"resources\":"
                                + " [\"projects/"
                                + PROJECT
                                + "\"]}}]")
                        .toString()),
            0,
            "x\\r\\x1b[2K",
            out -> out.contains("servicePerimeters/gdc"),
            List.of()));

    // 7. --timeout is a deadline; page tokens that loop.
    r.add(
        row(
            "a body sent a byte every 200 ms against --timeout 3",
            3,
            "",
            w -> {
              w.fake().project("gdc-prod", PROJECT, "organizations/9");
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              for (int i = 0; i < 8; i++) {
                w.fake()
                    .trickle(
                        "/v1/accessPolicies/1/servicePerimeters", 200, "[" + " ".repeat(400) + "]");
              }
              return Run.of(
                      "audit", "--project", "gdc-prod", "--organization", "9", "--timeout", "3")
                  .env(w.live());
            }));
    r.add(
        row(
            "the same page token forever",
            3,
            "with a page token it had already given",
            w -> {
              w.fake().project("gdc-prod", PROJECT, "organizations/9");
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              for (int i = 0; i < 3; i++) {
                w.fake()
                    .fail(
                        "/v1/accessPolicies/1/servicePerimeters",
                        200,
                        "{\"servicePerimeters\": [], \"nextPageToken\": \"again\"}");
              }
              return Run.of("audit", "--project", "gdc-prod", "--organization", "9").env(w.live());
            }));

    // 8. Ambiguity decided by key order.
    r.add(
        row(
            "restricted_services and restrictedServices in one asset",
            2,
            "the field 'restrictedServices' is given twice, in two spellings",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "cai.json",
                            "{\"asset_type\":"
                                + " \"accesscontextmanager.googleapis.com/ServicePerimeter\","
                                + " \"service_perimeter\": {\"name\":"
                                + " \"accessPolicies/1/servicePerimeters/p\", \"status\":"
                                + " {\"resources\": [\"projects/"
                                + PROJECT
                                + "\"], \"restrictedServices\": [\"a.googleapis.com\"],"
                                + " \"restricted_services\": []}}}\n")
                        .toString())));
    r.add(
        row(
            "servicePerimeter and service_perimeter in one asset",
            2,
            "has both 'servicePerimeter' and 'service_perimeter'",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "cai.json",
                            "{\"assetType\":"
                                + " \"accesscontextmanager.googleapis.com/ServicePerimeter\","
                                + " \"servicePerimeter\": {\"name\":"
                                + " \"accessPolicies/1/servicePerimeters/p\"},"
                                + " \"service_perimeter\": {\"name\":"
                                + " \"accessPolicies/1/servicePerimeters/q\"}}\n")
                        .toString())));
    r.add(
        row(
            "a numeric perimeter_type beyond 0 and 1",
            2,
            "unknown value 7 (0 regular, 1 bridge)",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "cai.json",
                            "{\"asset_type\":"
                                + " \"accesscontextmanager.googleapis.com/ServicePerimeter\","
                                + " \"service_perimeter\": {\"name\":"
                                + " \"accessPolicies/1/servicePerimeters/p\", \"perimeter_type\":"
                                + " 7}}\n")
                        .toString())));
    r.add(
        row(
            "a saved page whose nextPageToken is a number",
            2,
            "nextPageToken: expected a string",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "page.json",
                            "{\"servicePerimeters\": " + COMPLIANT + ", \"nextPageToken\": 2}")
                        .toString())));
    r.add(
        row(
            "a perimeter twice across pages, with different content",
            3,
            "came twice with different content",
            w -> {
              w.fake().project("gdc-prod", PROJECT, "organizations/9");
              w.fake().policy("organizations/9", "accessPolicies/1", null);
              w.fake()
                  .fail(
                      "/v1/accessPolicies/1/servicePerimeters",
                      200,
                      "{\"servicePerimeters\": [{\"name\": \"accessPolicies/1/servicePerimeters/p\","
                          + " \"title\": \"one\"}], \"nextPageToken\": \"t2\"}")
                  .fail(
                      "/v1/accessPolicies/1/servicePerimeters",
                      200,
                      "{\"servicePerimeters\": [{\"name\": \"accessPolicies/1/servicePerimeters/p\","
                          + " \"title\": \"two\"}]}");
              return Run.of("audit", "--project", "gdc-prod", "--organization", "9").env(w.live());
            }));
    r.add(
        row(
            "a service named twice in --services-file",
            2,
            "the service logging.googleapis.com is listed twice (first at [0])",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString(),
                    "--services-file",
                    w.write(
                            "services.json",
                            "[{\"name\": \"logging.googleapis.com\", \"availableOnRestrictedVip\":"
                                + " false}, {\"name\": \"logging.googleapis.com\","
                                + " \"availableOnRestrictedVip\": true}]")
                        .toString())));

    // 9. Cloud answers not validated.
    r.add(
        row(
            "a project name that is two names",
            3,
            "name is 'projects/123,projects/666', which is not of the documented form",
            w -> {
              w.fake().project("gdc-prod", "123,projects/666", "organizations/9");
              return Run.of("audit", "--project", "gdc-prod", "--organization", "9").env(w.live());
            }));
    r.add(
        row(
            "a project answer without a name",
            3,
            "name is missing",
            w -> {
              w.fake().fail("/v3/projects/gdc-prod", 200, "{\"projectId\": \"gdc-prod\"}");
              return Run.of("audit", "--project", "gdc-prod", "--organization", "9").env(w.live());
            }));

    // 10. Smaller ones.
    r.add(
        row(
            "a lone surrogate in the export",
            2,
            "a string holds a lone surrogate",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write(
                            "s.json",
                            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"title\":"
                                + " \"\\ud800\"}]")
                        .toString())));
    r.add(
        row(
            "formatVersion written as a string",
            2,
            "key 'formatVersion': expected the number 1, got the string '1' (write it without quotes)",
            w ->
                Run.of(
                    "profiles",
                    "show",
                    w.write("p.yaml", "formatVersion: \"1\"\nname: p\n").toString())));
    r.add(
        row(
            "a profile with a second YAML document",
            2,
            "holds more than one YAML document",
            w ->
                Run.of(
                    "audit",
                    "--project",
                    PROJECT,
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString(),
                    "--profile",
                    w.write(
                            "p.yaml",
                            "formatVersion: 1\nname: p\nrequiredServices: [logging.googleapis.com]\n"
                                + "---\nformatVersion: 1\nname: q\n")
                        .toString())));
    r.add(
        new Row(
            "a projects file with a BOM and a line given twice",
            (World w) ->
                Run.of(
                    "audit",
                    "--projects-file",
                    w.write("projects.txt", "\uFEFF" + PROJECT + "\n" + PROJECT + "\n").toString(),
                    "--from-file",
                    w.write("ok.json", COMPLIANT).toString()),
            0,
            "",
            out -> out.contains("audit of 1 project in") && out.contains("Compliant"),
            List.of()));
    return r.stream();
  }

  /** What the FIFO row's reader got. */
  static final java.util.concurrent.atomic.AtomicReference<String> FIFO_READ =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Locks held by rows until the suite ends (a second run must meet them). */
  static final List<FileLock> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void faultEndsAsTheContractSays(Row row) throws Exception {
    try (FakeGcp fake = new FakeGcp()) {
      World w = new World(dir, fake);
      Files.createDirectories(dir.resolve(".adc"));
      Run run = row.setup().apply(w);
      Map<String, String> before = BadInputTest.snapshot(dir);

      StringWriter err = new StringWriter();
      StringWriter captured = new StringWriter();
      PrintWriter out =
          run.stdout() == null
              ? new PrintWriter(captured)
              : new PrintWriter(new OutputStreamWriter(run.stdout(), StandardCharsets.UTF_8));
      int code =
          Main.run(
              new ByteArrayInputStream(run.stdin()),
              out,
              new PrintWriter(err),
              run.env(),
              /* terminal= */ false,
              run.args().toArray(String[]::new));

      String e = err.toString();
      assertThat(code).as(row.what() + ": " + e).isEqualTo(row.code());
      assertThat(e).as(row.what()).doesNotContain("\tat ", "Exception:", "s3cret", "\u001b");
      List<String> lines = e.lines().toList();
      if (row.stderr() == null) {
        assertThat(lines).as(row.what() + ": no line on stderr").isEmpty();
      } else if (row.code() >= 2) {
        assertThat(lines).as(row.what()).hasSize(1);
        assertThat(lines.get(0)).as(row.what()).startsWith("error: ").contains(row.stderr());
      } else if (!row.stderr().isEmpty()) {
        assertThat(lines).as(row.what()).hasSize(1);
        assertThat(lines.get(0)).as(row.what()).contains(row.stderr());
      }
      assertThat(captured.toString()).as(row.what() + ": stdout").matches(row.stdout());
      assertThat(captured.toString()).as(row.what()).doesNotContain("\u001b", "\u202e");

      Map<String, String> after = BadInputTest.snapshot(dir);
      for (String output : row.outputs()) {
        before.remove(output);
        after.remove(output);
      }
      after.keySet().removeIf(k -> k.startsWith(".adc") || k.endsWith(OutputOption.LOCK));
      before.keySet().removeIf(k -> k.startsWith(".adc") || k.endsWith(OutputOption.LOCK));
      assertThat(after).as(row.what() + ": every input byte-identical").isEqualTo(before);
      if (row.what().startsWith("-o /dev/null")) {
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
      }
      if (row.what().startsWith("-o onto a character device")) {
        Path device = dir.resolve("null-device");
        assertThat(Files.isRegularFile(device)).as("still a device").isFalse();
        assertThat(Files.exists(device)).isTrue();
      }
      if (row.what().startsWith("-o onto a FIFO")) {
        assertThat(Files.isRegularFile(dir.resolve("report.fifo"))).as("still a FIFO").isFalse();
        for (int i = 0; i < 100 && FIFO_READ.get() == null; i++) {
          Thread.sleep(20);
        }
        assertThat(FIFO_READ.getAndSet(null)).contains("Compliant with profile gdc-bare-metal");
      }
      if (row.what().startsWith("-o through a symlink")) {
        assertThat(Files.isSymbolicLink(dir.resolve("latest.txt"))).isTrue();
        assertThat(Files.readString(dir.resolve("report.txt"))).contains("Compliant");
      }
    } finally {
      for (FileLock lock : HELD) {
        lock.channel().close();
      }
      HELD.clear();
    }
  }

  /** With the bad-input table's 40 and more, the fault suite passes 60 rows. */
  @Test
  void theSuiteHasARowPerDefect() {
    assertThat(rows().count()).isGreaterThanOrEqualTo(30);
  }

  /**
   * A plan to standard output onto a stream that fails after N bytes never exits 0, for every N up
   * to the whole script (a script cut in the middle of a service name would still run).
   */
  @Test
  void aPlanCutShortNeverExitsZero() {
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    String[] args = {"plan", "--project", PROJECT, "--from-file", sample, "--as", "gcloud"};
    StringWriter whole = new StringWriter();
    assertThat(
            Main.run(new PrintWriter(whole), new PrintWriter(new StringWriter()), Map.of(), args))
        .isZero();
    int length = whole.toString().getBytes(StandardCharsets.UTF_8).length;
    for (int n = 0; n < length; n++) {
      StringWriter err = new StringWriter();
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(new FailingStream(n), StandardCharsets.UTF_8));
      int code = Main.run(out, new PrintWriter(err), Map.of(), args);
      assertThat(code).as("failing after " + n + " of " + length + " bytes").isEqualTo(3);
      assertThat(err.toString()).contains("cannot write standard output");
    }
  }

  @Test
  void aNewOutputFileGetsTheUmasksModeAndAReplacedOneKeepsItsMode() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.json"), COMPLIANT);
    Path existing = Files.writeString(dir.resolve("kept.txt"), "old");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
    Path probe = Files.createFile(dir.resolve("probe")); // 0666 less this process's umask
    String[] common = {"audit", "--project", PROJECT, "--from-file", ok.toString(), "-o"};

    assertThat(run(common, existing.toString())).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)))
        .isEqualTo("rw-r-----");
    assertThat(run(common, dir.resolve("new.txt").toString())).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("new.txt")))
        .isEqualTo(Files.getPosixFilePermissions(probe));
  }

  private static int run(String[] common, String output) {
    String[] args = java.util.Arrays.copyOf(common, common.length + 1);
    args[common.length] = output;
    return Main.run(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), args);
  }

  /**
   * An output stream that accepts {@code limit} bytes, then fails every write, like a full disk.
   */
  static final class FailingStream extends OutputStream {
    private final int limit;
    private int written;

    FailingStream(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (written >= limit) {
        throw new IOException("No space left on device");
      }
      written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        written = limit;
        throw new IOException("No space left on device");
      }
      written += len;
    }
  }
}
