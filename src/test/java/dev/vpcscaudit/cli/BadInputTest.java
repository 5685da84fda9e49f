package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: files, flags, environment and network faults. Every case exits with its code
 * (2 for bad input, 3 for a read that could not complete), prints nothing on stdout and exactly one
 * line on stderr that names the file, flag or endpoint, never a stack trace, and creates or changes
 * no file.
 */
class BadInputTest {

  @TempDir static Path dir;

  static FakeGcp fake;

  private static List<Arguments> table;

  private static final String OK_PERIMETER =
      "[{\"name\": \"accessPolicies/1/servicePerimeters/p\"}]";

  /** One row: what, arguments, environment, exit code, a part of the one stderr line. */
  record Case(String what, List<String> args, Map<String, String> env, int code, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  @AfterAll
  static void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  static synchronized Stream<Arguments> cases() throws IOException {
    if (table == null) {
      table = build();
    }
    return table.stream();
  }

  private static List<Arguments> build() throws IOException {
    List<Case> c = new ArrayList<>();
    Map<String, String> none = Map.of();

    // --from-file: the perimeters export
    c.add(
        perimeters(
            "not JSON or YAML of perimeters",
            "this is not json",
            "not a perimeter export: the text is a string"));
    c.add(perimeters("not valid YAML", "foo: [unclosed\n", "not valid JSON or YAML at line 1"));
    c.add(perimeters("truncated JSON", "[{\"name\": \"accessPolicies/1/servi", "not valid JSON"));
    c.add(perimeters("wrong top-level type", "42", "not a perimeter export: the text is a number"));
    c.add(perimeters("no name", "[{\"title\": \"t\"}]", "[0]: missing required field 'name'"));
    c.add(
        perimeters(
            "resources not strings",
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"status\": {\"resources\": [{\"project\": 1}]}}]",
            "[0].status.resources[0]: expected a string, got an object"));
    c.add(perimeters("empty file", "", "the file is empty"));
    c.add(perimeters("whitespace only", "  \n\t\n", "the file is empty"));
    c.add(
        perimeters(
            "one page of a paged list",
            "{\"servicePerimeters\": " + OK_PERIMETER + ", \"nextPageToken\": \"abc\"}",
            "this is one page of a longer perimeter list (nextPageToken is set)"));
    c.add(
        perimeters(
            "a perimeter twice, the copies differing",
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\"}, {\"name\": \"accessPolicies/1/servicePerimeters/p\", \"title\": \"t\"}]",
            "perimeter accessPolicies/1/servicePerimeters/p appears more than once, with different content"));
    c.add(
        perimeters(
            "not a perimeter name",
            "[{\"name\": \"perimeters/p\"}]",
            "[0].name: 'perimeters/p' is not a perimeter name"));
    c.add(
        perimeters(
            "unknown perimeter type",
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"perimeterType\": \"X\"}]",
            "[0].perimeterType: unknown value 'X'"));
    c.add(
        perimeters(
            "flag not a boolean",
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"useExplicitDryRunSpec\": \"yes\"}]",
            "[0].useExplicitDryRunSpec: expected true or false"));
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, "[\"caf\u00e9\"]".getBytes(StandardCharsets.ISO_8859_1));
    c.add(
        audit(
            "not UTF-8",
            none,
            2,
            "--from-file " + latin1 + ": not UTF-8 text",
            "--from-file",
            latin1.toString()));
    c.add(
        audit(
            "a directory",
            none,
            2,
            "--from-file " + dir + ": is a directory",
            "--from-file",
            dir.toString()));
    c.add(
        audit(
            "a missing file",
            none,
            2,
            "--from-file " + dir.resolve("missing.json") + ": no such file",
            "--from-file",
            dir.resolve("missing.json").toString()));
    c.add(audit("an empty file name", none, 2, "--from-file : empty file name", "--from-file", ""));
    c.add(
        new Case(
            "standard input that is not JSON",
            List.of("audit", "--project", "1", "--from-file", "-"),
            none,
            2,
            "--from-file - (standard input): the file is empty"));

    Path ok = Files.writeString(dir.resolve("ok.json"), OK_PERIMETER);
    String okFile = ok.toString();

    // --profile
    c.add(
        audit(
            "unknown profile",
            none,
            2,
            "--profile gke: no shipped profile of that name",
            "--from-file",
            okFile,
            "--profile",
            "gke"));
    Path badProfile =
        Files.writeString(
            dir.resolve("bad-profile.yaml"), "formatVersion: 1\nname: x\nservices: []\n");
    c.add(
        audit(
            "malformed profile",
            none,
            2,
            "--profile " + badProfile + ": unknown key 'services'",
            "--from-file",
            okFile,
            "--profile",
            badProfile.toString()));
    c.add(
        audit(
            "empty profile value",
            none,
            2,
            "--profile: empty value",
            "--from-file",
            okFile,
            "--profile="));
    c.add(
        audit(
            "missing profile file",
            none,
            2,
            "--profile " + dir.resolve("none.yaml") + ": no such file",
            "--from-file",
            okFile,
            "--profile",
            dir.resolve("none.yaml").toString()));
    c.add(
        new Case(
            "profiles show of an unknown name",
            List.of("profiles", "show", "nope"),
            none,
            2,
            "no shipped profile named 'nope'"));

    // --services-file
    String sample = Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
    c.add(
        audit(
            "services file that is the perimeters export",
            none,
            2,
            "is not a service name (e.g. logging.googleapis.com): is this the supported-services list",
            "--from-file",
            okFile,
            "--services-file",
            sample));
    Path emptyList = Files.writeString(dir.resolve("services-empty.json"), "[]");
    c.add(
        audit(
            "empty services list",
            none,
            2,
            "--services-file " + emptyList + ": the list is empty",
            "--from-file",
            okFile,
            "--services-file",
            emptyList.toString()));
    Path servicesPage =
        Files.writeString(
            dir.resolve("services-page.json"),
            "{\"supportedServices\": [{\"name\": \"a.googleapis.com\"}], \"nextPageToken\": \"x\"}");
    c.add(
        audit(
            "one page of the services list",
            none,
            2,
            "one page of a longer supported-services list",
            "--from-file",
            okFile,
            "--services-file",
            servicesPage.toString()));
    c.add(
        audit(
            "check-services offline without a list",
            none,
            2,
            "--check-services reads the supported-services API",
            "--from-file",
            okFile,
            "--check-services"));

    // --output
    c.add(
        audit(
            "output into a missing folder",
            none,
            2,
            ": the folder " + dir.resolve("no/such") + " does not exist",
            "--from-file",
            okFile,
            "--output",
            dir.resolve("no/such/r.txt").toString()));
    c.add(
        audit(
            "output over the perimeters export",
            none,
            2,
            "--output " + okFile + ": is also an input of this run",
            "--from-file",
            okFile,
            "--output",
            okFile));
    c.add(
        audit(
            "output over the services list",
            none,
            2,
            "is also an input of this run",
            "--from-file",
            okFile,
            "--services-file",
            emptyList.toString(),
            "--output",
            emptyList.toString()));
    c.add(
        audit(
            "output is a folder",
            none,
            2,
            "--output " + dir + ": is a directory",
            "--from-file",
            okFile,
            "--output",
            dir.toString()));
    c.add(
        new Case(
            "plan output over its input",
            List.of(
                "plan", "--project", "1", "--from-file", okFile, "--as", "gcloud", "-o", okFile),
            none,
            2,
            "is also an input of this run"));

    // flags
    c.add(
        audit(
            "project ID in offline mode",
            none,
            2,
            "--project gdc-prod: with --from-file the project must be given by number",
            "--project",
            "gdc-prod",
            "--from-file",
            okFile));
    c.add(
        new Case(
            "malformed project",
            List.of("audit", "--project", "Not_A_Project!", "--from-file", okFile),
            none,
            2,
            "--project 'Not_A_Project!': not a project ID"));
    c.add(
        audit(
            "unknown format",
            none,
            2,
            "Invalid value for option '--format'",
            "--from-file",
            okFile,
            "--format",
            "xml"));
    c.add(
        audit(
            "unknown fail-on level",
            none,
            2,
            "Invalid value for option '--fail-on'",
            "--from-file",
            okFile,
            "--fail-on",
            "always"));
    c.add(
        audit(
            "option given twice",
            none,
            2,
            "option '--project' (PROJECT) should be specified only once",
            "--project",
            "2",
            "--project",
            "3",
            "--from-file",
            okFile));
    c.add(
        audit(
            "malformed policy",
            none,
            2,
            "--policy 'policy-1': expected a number or accessPolicies/NUMBER",
            "--from-file",
            okFile,
            "--policy",
            "policy-1"));
    c.add(
        audit(
            "policy absent from the file",
            none,
            2,
            "--policy 2: --from-file " + ok + " has no perimeter of accessPolicies/2",
            "--from-file",
            okFile,
            "--policy",
            "2"));
    c.add(
        audit(
            "from-file with live-only flags",
            none,
            2,
            "it cannot be combined with --organization, --timeout",
            "--from-file",
            okFile,
            "--organization",
            "5",
            "--timeout",
            "9"));
    c.add(
        audit(
            "dns resolver with a bad port",
            none,
            2,
            "--dns-resolver '127.0.0.1:99999': expected HOST or HOST:PORT",
            "--from-file",
            okFile,
            "--dns-resolver",
            "127.0.0.1:99999"));
    c.add(
        audit(
            "dns resolver host that does not resolve",
            none,
            2,
            "--dns-resolver 'no-such-host.invalid': cannot resolve the host name",
            "--from-file",
            okFile,
            "--dns-resolver",
            "no-such-host.invalid"));
    c.add(
        new Case(
            "plan without --as",
            List.of("plan", "--project", "1", "--from-file", okFile),
            none,
            2,
            "Missing required option: '--as=FORMAT'"));
    c.add(
        new Case(
            "plan with an unknown stage",
            List.of(
                "plan",
                "--project",
                "1",
                "--from-file",
                okFile,
                "--as",
                "gcloud",
                "--stage",
                "now"),
            none,
            2,
            "Invalid value for option '--stage': expected dry-run or enforce, got 'now'"));
    c.add(
        new Case(
            "plan with an unknown target",
            List.of(
                "plan",
                "--project",
                "1",
                "--from-file",
                okFile,
                "--as",
                "gcloud",
                "--target-perimeter",
                "nope"),
            none,
            2,
            "--target-perimeter nope: no such perimeter in the input"));
    c.add(
        new Case(
            "plan with no perimeter to add the project to",
            List.of("plan", "--project", "7", "--from-file", okFile, "--as", "gcloud"),
            none,
            2,
            "projects/7 is in no regular perimeter: name the one to add it to with --target-perimeter NAME"));
    c.add(
        new Case(
            "export with an audit-only option",
            List.of("export", "--project", "1", "--from-file", okFile, "--profile", "x"),
            none,
            2,
            "Unknown options: '--profile', 'x'"));
    c.add(
        new Case(
            "missing --project",
            List.of("audit", "--from-file", okFile),
            none,
            2,
            "Missing required option: '--project=PROJECT'"));
    c.add(
        new Case(
            "unknown option",
            List.of("audit", "--projekt", "1"),
            none,
            2,
            "Unknown options: '--projekt', '1'"));
    c.add(
        new Case(
            "no command", List.of(), none, 2, "missing command: audit, plan, export or profiles"));

    // environment and endpoints
    c.add(
        live(
            "endpoint with http:// to a remote host",
            none,
            2,
            "--acm-endpoint 'http://acm.example.com/': http:// is allowed only for a loopback host",
            "--acm-endpoint",
            "http://acm.example.com/"));
    c.add(
        live(
            "endpoint with a path",
            none,
            2,
            "--crm-endpoint 'https://crm.example.com/v3/': give the host only",
            "--crm-endpoint",
            "https://crm.example.com/v3/"));
    c.add(
        live(
            "malformed organization",
            none,
            2,
            "--organization 'org-5': expected a number or organizations/NUMBER",
            "--organization",
            "org-5"));
    c.add(
        live(
            "timeout out of range",
            none,
            2,
            "--timeout 0: expected 1 to 3600 seconds",
            "--timeout",
            "0"));
    c.add(
        live(
            "gcloud endpoint override to a remote http host",
            Map.of(
                "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER", "http://acm.example.com/"),
            2,
            "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER"));
    c.add(live("malformed HTTPS_PROXY", Map.of("HTTPS_PROXY", "::not a url::"), 2, "HTTPS_PROXY"));
    c.add(
        live(
            "credentials file missing",
            Map.of(
                "GOOGLE_APPLICATION_CREDENTIALS",
                dir.resolve("absent.json").toString(),
                "NO_GCE_CHECK",
                "true"),
            3,
            "absent.json: no such file"));
    Path notCreds = Files.writeString(dir.resolve("not-creds.json"), "{\"hello\": 1}");
    c.add(
        live(
            "credentials file of an unknown kind",
            Map.of("GOOGLE_APPLICATION_CREDENTIALS", notCreds.toString(), "NO_GCE_CHECK", "true"),
            3,
            "not a usable credentials file"));
    c.add(
        live(
            "no credentials at all",
            Map.of("NO_GCE_CHECK", "true", "HOME", dir.resolve("home").toString()),
            3,
            "no Application Default Credentials: run `gcloud auth application-default login`"));

    // network faults against the loopback fake
    fake = new FakeGcp();
    fake.project("gdc-prod", "123456789012", "folders/1").folder("folders/1", "organizations/9");
    Map<String, String> env = fake.adcEnv(dir);
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Map<String, String> refused = new HashMap<>(env);
    refused.put(
        "CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER", "http://127.0.0.1:" + closed + "/");
    c.add(
        live(
            "API endpoint refuses connections",
            refused,
            3,
            "connection refused or unreachable",
            "--policy",
            "5",
            "--timeout",
            "2"));
    Map<String, String> noToken = new HashMap<>(env);
    Path deadAdc = FakeGcp.adcFile(dir, "http://127.0.0.1:" + closed + "/token");
    noToken.put("GOOGLE_APPLICATION_CREDENTIALS", deadAdc.toString());
    c.add(
        live(
            "token endpoint refuses connections",
            noToken,
            3,
            "cannot get an access token from the Application Default Credentials: POST http://127.0.0.1:"
                + closed
                + "/token",
            "--timeout",
            "2"));
    c.add(
        live(
            "ancestry not readable (403)",
            env,
            3,
            "permission denied (HTTP 403",
            "--project",
            "gdc-prod"));
    c.add(
        live(
            "organization without policies (403 on the listing)",
            env,
            3,
            "cannot list the access policies of organizations/9",
            "--project",
            "gdc-prod"));

    return c.stream().map(Arguments::of).toList();
  }

  private static Case perimeters(String what, String content, String message) throws IOException {
    Path file = dir.resolve(what.replaceAll("[^a-z]+", "-") + ".json");
    Files.writeString(file, content);
    return audit(
        what, Map.of(), 2, "--from-file " + file + ": " + message, "--from-file", file.toString());
  }

  private static Case audit(
      String what, Map<String, String> env, int code, String message, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--project", "123456789012"));
    if (more.length > 0 && more[0].equals("--project")) {
      args = new ArrayList<>(List.of("audit"));
    }
    args.addAll(List.of(more));
    return new Case(what, args, env, code, message);
  }

  private static Case live(
      String what, Map<String, String> env, int code, String message, String... more) {
    List<String> args = new ArrayList<>(List.of("audit"));
    if (!List.of(more).contains("--project")) {
      args.addAll(List.of("--project", "123456789012"));
    }
    args.addAll(List.of(more));
    return new Case(what, args, env, code, message);
  }

  /** Every file under {@code dir} with a digest of its content. */
  static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.toList()) {
        if (Files.isRegularFile(p)) {
          byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
          out.put(root.relativize(p).toString(), HexFormat.of().formatHex(digest));
        } else {
          out.put(root.relativize(p) + "/", "");
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithOneLineAndTouchesNoFile(Case c) throws Exception {
    if (c.what().contains("(403 on the listing)")) {
      fake.fail("/v1/accessPolicies", 403, FakeGcp.error(403, "PERMISSION_DENIED", "denied"));
    } else if (c.what().contains("ancestry not readable")) {
      fake.fail(
          "/v1/projects/gdc-prod:getAncestry",
          403,
          FakeGcp.error(403, "PERMISSION_DENIED", "denied"));
    }
    Map<String, String> before = snapshot(dir);

    Cli.Result r = Cli.run(c.env(), c.args().toArray(String[]::new));

    assertThat(r.code()).as(c.what() + ": " + r.err()).isEqualTo(c.code());
    assertThat(r.out()).as(c.what()).isEmpty();
    assertThat(r.err().lines()).as(c.what()).hasSize(1);
    assertThat(r.err())
        .as(c.what())
        .startsWith("error: ")
        .contains(c.message())
        .doesNotContain("\tat ", "Exception:");
    assertThat(snapshot(dir)).as(c.what() + ": no file created or changed").isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void theTableHasAtLeastFortyCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }
}
