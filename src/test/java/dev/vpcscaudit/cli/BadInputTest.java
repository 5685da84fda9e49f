package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input exits 2 with one line that names the file or flag, and no stack trace. */
class BadInputTest {

  @TempDir static Path dir;

  private static final String OK_PERIMETER =
      "[{\"name\": \"accessPolicies/1/servicePerimeters/p\"}]";

  static Stream<Arguments> badInputs() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    cases.add(file("not JSON", "not-json.json", "this is not json", "not valid JSON at line 1"));
    cases.add(
        file(
            "truncated JSON",
            "truncated.json",
            "[{\"name\": \"accessPolicies/1/servi",
            "not valid JSON"));
    cases.add(
        file("wrong top-level type", "number.json", "42", "expected a JSON list of perimeters"));
    cases.add(
        file(
            "perimeter without a name",
            "noname.json",
            "[{\"title\": \"t\"}]",
            "[0]: missing required field 'name'"));
    cases.add(
        file(
            "resources not strings",
            "resources.json",
            "[{\"name\": \"accessPolicies/1/servicePerimeters/p\", \"status\": {\"resources\": [{\"project\": 1}]}}]",
            "[0].status.resources[0]: expected a string, got an object"));
    cases.add(file("empty file", "empty.json", "", "the file is empty"));
    cases.add(file("not UTF-8", "latin1.json", "[\"caf\u00e9\"]", "not UTF-8 text", true));
    cases.add(
        Arguments.of(
            "a directory",
            List.of("audit", "--project", "123456789012", "--from-file", dir.toString()),
            "--from-file " + dir + ": is a directory"));
    cases.add(
        Arguments.of(
            "a missing file",
            List.of(
                "audit",
                "--project",
                "123456789012",
                "--from-file",
                dir.resolve("missing.json").toString()),
            "--from-file " + dir.resolve("missing.json") + ": no such file"));
    Path ok = Files.writeString(dir.resolve("ok.json"), OK_PERIMETER);
    cases.add(
        Arguments.of(
            "unknown profile",
            List.of(
                "audit",
                "--project",
                "123456789012",
                "--from-file",
                ok.toString(),
                "--profile",
                "gke"),
            "--profile gke: no shipped profile of that name"));
    Path badProfile =
        Files.writeString(
            dir.resolve("bad-profile.yaml"), "formatVersion: 1\nname: x\nservices: []\n");
    cases.add(
        Arguments.of(
            "malformed profile",
            List.of(
                "audit",
                "--project",
                "123456789012",
                "--from-file",
                ok.toString(),
                "--profile",
                badProfile.toString()),
            "--profile " + badProfile + ": unknown key 'services'"));
    cases.add(
        Arguments.of(
            "project ID in offline mode",
            List.of("audit", "--project", "gdc-prod", "--from-file", ok.toString()),
            "--project gdc-prod: with --from-file the project must be given by number"));
    cases.add(
        Arguments.of(
            "malformed project",
            List.of("audit", "--project", "Not_A_Project!", "--from-file", ok.toString()),
            "--project 'Not_A_Project!': not a project ID"));
    cases.add(
        Arguments.of(
            "unknown format",
            List.of("audit", "--project", "1", "--from-file", ok.toString(), "--format", "xml"),
            "Invalid value for option '--format': expected one of [text, json, sarif, junit, markdown]"));
    cases.add(
        Arguments.of(
            "option given twice (conflicting values)",
            List.of("audit", "--project", "1", "--project", "2", "--from-file", ok.toString()),
            "option '--project' (PROJECT) should be specified only once"));
    cases.add(
        Arguments.of(
            "malformed policy",
            List.of(
                "audit", "--project", "1", "--from-file", ok.toString(), "--policy", "policy-1"),
            "--policy 'policy-1': expected a number or accessPolicies/NUMBER"));
    cases.add(
        Arguments.of(
            "policy absent from the file",
            List.of("audit", "--project", "1", "--from-file", ok.toString(), "--policy", "2"),
            "--policy 2: --from-file " + ok + " has no perimeter of accessPolicies/2"));
    cases.add(
        Arguments.of(
            "output into a missing directory",
            List.of(
                "audit",
                "--project",
                "1",
                "--from-file",
                ok.toString(),
                "--output",
                dir.resolve("no/such/r.txt").toString()),
            "--output " + dir.resolve("no/such/r.txt") + ": the directory does not exist"));
    cases.add(
        Arguments.of(
            "conflicting flags: --from-file with live-only flags",
            List.of(
                "audit",
                "--project",
                "1",
                "--from-file",
                ok.toString(),
                "--organization",
                "5",
                "--timeout",
                "9"),
            "--from-file reads an export and makes no API call: it cannot be combined with --organization, --timeout"));
    cases.add(
        Arguments.of(
            "endpoint with http:// to a remote host",
            List.of("audit", "--project", "1", "--acm-endpoint", "http://acm.example.com/"),
            "--acm-endpoint 'http://acm.example.com/': http:// is allowed only for a loopback host"));
    cases.add(
        Arguments.of(
            "endpoint with a path",
            List.of("audit", "--project", "1", "--crm-endpoint", "https://crm.example.com/v3/"),
            "--crm-endpoint 'https://crm.example.com/v3/': give the host only"));
    cases.add(
        Arguments.of(
            "malformed organization",
            List.of("audit", "--project", "1", "--organization", "org-5"),
            "--organization 'org-5': expected a number or organizations/NUMBER"));
    cases.add(
        Arguments.of(
            "timeout out of range",
            List.of("audit", "--project", "1", "--timeout", "0"),
            "--timeout 0: expected 1 to 3600 seconds"));
    cases.add(
        Arguments.of(
            "missing --project",
            List.of("audit", "--from-file", ok.toString()),
            "Missing required option: '--project=PROJECT'"));
    cases.add(
        Arguments.of(
            "unknown option",
            List.of("audit", "--projekt", "1"),
            "Unknown option or argument: '--projekt'"));
    return cases.stream();
  }

  private static Arguments file(String what, String name, String content, String message)
      throws IOException {
    return file(what, name, content, message, false);
  }

  private static Arguments file(
      String what, String name, String content, String message, boolean latin1) throws IOException {
    Path file = dir.resolve(name);
    Files.write(
        file,
        content.getBytes(
            latin1
                ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8));
    return Arguments.of(
        what,
        List.of("audit", "--project", "123456789012", "--from-file", file.toString()),
        "--from-file " + file + ": " + message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void exitsTwoWithOneLine(String what, List<String> args, String message) {
    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(what).isEqualTo(2);
    assertThat(r.out()).as(what).isEmpty();
    assertThat(r.err().lines()).as(what).hasSize(1);
    assertThat(r.err())
        .as(what)
        .startsWith("error: ")
        .contains(message)
        .doesNotContain("\tat ", "Exception");
  }
}
