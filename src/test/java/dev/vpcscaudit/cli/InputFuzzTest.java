package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Gen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input reader (perimeters export, supported-services list, profile YAML), fed arbitrary text
 * and mutations of valid documents through the real CLI: the run either succeeds with a report
 * (exit 0 or 1) or stops with exit 2 and exactly one line; never exit 3, never an internal error,
 * never a stack trace, never a report on bad input.
 */
class InputFuzzTest {

  static Path dir;
  static String samplePerimeters;
  static String sampleServices;
  static String shippedProfile;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Files.createTempDirectory("fuzz");
    samplePerimeters = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    sampleServices =
        Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json"));
    shippedProfile = Files.readString(Fixtures.repoRoot().resolve("policies/gdc-bare-metal.yaml"));
  }

  @AfterAll
  static void tearDown() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Garbage: any text, JSON-ish punctuation included. */
  static String garbage(Gen g) {
    return switch (g.between(0, 2)) {
      case 0 -> g.anyString(200);
      case 1 -> g.string("[]{}\":,0123456789truefalsnul \n\\", 120);
      default -> g.string("-:# \nabc[]{}'\"|>", 120);
    };
  }

  /** A valid document with one slice deleted, duplicated or replaced by other text. */
  static String mutation(Gen g, String doc) {
    int a = g.between(0, doc.length() - 1);
    int end = Math.min(doc.length(), a + g.between(1, 40));
    String text =
        g.between(0, 1) == 0
            ? g.anyString(12)
            : g.oneOf("{", "}", "[", "]", "\"", ",", ":", "null", "1e999", "-", "\n", "\t");
    return switch (g.between(0, 2)) {
      case 0 -> doc.substring(0, a) + doc.substring(end);
      case 1 -> doc.substring(0, end) + doc.substring(a, end) + doc.substring(end);
      default -> doc.substring(0, a) + text + doc.substring(end);
    };
  }

  static Stream<Arguments> garbage150() {
    return Gen.cases(150, "garbage", InputFuzzTest::garbage);
  }

  static Stream<Arguments> garbage100() {
    return Gen.cases(100, "garbage-100", InputFuzzTest::garbage);
  }

  static Stream<Arguments> mutatedPerimeters() throws Exception {
    String doc = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    return Gen.cases(150, "perimeters", g -> mutation(g, doc));
  }

  static Stream<Arguments> mutatedServices() throws Exception {
    String doc = Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json"));
    return Gen.cases(100, "services", g -> mutation(g, doc));
  }

  static Stream<Arguments> mutatedProfile() throws Exception {
    String doc = Files.readString(Fixtures.repoRoot().resolve("policies/gdc-bare-metal.yaml"));
    return Gen.cases(150, "profile", g -> mutation(g, doc));
  }

  static Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  static List<String> audit(String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--project", "123456789012"));
    args.addAll(List.of(more));
    return args;
  }

  static void assertSafe(Cli.Result r, boolean mustFail) {
    assertThat(r.err()).doesNotContain("internal error", "\tat ", "Exception:");
    if (mustFail) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
    } else {
      assertThat(r.code()).as(r.err()).isIn(0, 1, 2);
    }
    if (r.code() == 2) {
      assertThat(r.out()).as("no report on bad input").isEmpty();
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("error: ");
    } else {
      assertThat(r.out()).contains("VPC Service Controls audit");
    }
  }

  @ParameterizedTest
  @MethodSource("garbage150")
  void garbagePerimeterExports(String text) throws Exception {
    Path f = write("perimeters.json", text);
    Cli.Result r = Cli.run(audit("--from-file", f.toString()).toArray(String[]::new));
    // Some garbage is valid JSON that holds no perimeter ("[]"): then it is a report.
    assertSafe(r, false);
  }

  @ParameterizedTest
  @MethodSource("mutatedPerimeters")
  void mutatedPerimeterExports(String text) throws Exception {
    Path f = write("perimeters.json", text);
    assertSafe(Cli.run(audit("--from-file", f.toString()).toArray(String[]::new)), false);
  }

  @ParameterizedTest
  @MethodSource("garbage100")
  void garbageServicesLists(String text) throws Exception {
    Path perimeters = write("ok.json", samplePerimeters);
    Path f = write("services.json", text);
    Cli.Result r =
        Cli.run(
            audit("--from-file", perimeters.toString(), "--services-file", f.toString())
                .toArray(String[]::new));
    assertSafe(r, false);
  }

  @ParameterizedTest
  @MethodSource("mutatedServices")
  void mutatedServicesLists(String text) throws Exception {
    assertSafe(withSampleAnd("--services-file", "services.json", text), false);
  }

  @ParameterizedTest
  @MethodSource("garbage100")
  void garbageProfiles(String text) throws Exception {
    assertSafe(withSampleAnd("--profile", "profile.yaml", text), /* mustFail= */ true);
  }

  @ParameterizedTest
  @MethodSource("mutatedProfile")
  void mutatedProfiles(String text) throws Exception {
    assertSafe(withSampleAnd("--profile", "profile.yaml", text), false);
  }

  /** An offline audit of the sample with {@code text} as the file of {@code flag}. */
  private Cli.Result withSampleAnd(String flag, String name, String text) throws Exception {
    Path perimeters = write("ok.json", samplePerimeters);
    Path f = write(name, text);
    return Cli.run(
        audit("--from-file", perimeters.toString(), flag, f.toString()).toArray(String[]::new));
  }
}
