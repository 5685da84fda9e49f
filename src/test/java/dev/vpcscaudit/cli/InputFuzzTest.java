package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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

  @BeforeContainer
  static void setUp() throws Exception {
    dir = Files.createTempDirectory("fuzz");
    samplePerimeters = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    sampleServices =
        Files.readString(Fixtures.repoRoot().resolve("samples/supported-services.json"));
    shippedProfile = Files.readString(Fixtures.repoRoot().resolve("policies/gdc-bare-metal.yaml"));
  }

  @AfterContainer
  static void tearDown() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Garbage: any text, JSON-ish punctuation included. */
  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("[]{}\":,0123456789truefalsnul \n\\").ofMaxLength(120),
        Arbitraries.strings().withChars("-:# \nabc[]{}'\"|>").ofMaxLength(120));
  }

  /** A valid document with one slice deleted, duplicated or replaced by other text. */
  static Arbitrary<String> mutations(String doc) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, doc.length() - 1);
    Arbitrary<Integer> length = Arbitraries.integers().between(1, 40);
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "null", "1e999", "-", "\n", "\t"));
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    return Combinators.combine(at, length, insert, kind)
        .as(
            (a, n, text, k) -> {
              int end = Math.min(doc.length(), a + n);
              return switch (k) {
                case 0 -> doc.substring(0, a) + doc.substring(end);
                case 1 -> doc.substring(0, end) + doc.substring(a, end) + doc.substring(end);
                default -> doc.substring(0, a) + text + doc.substring(end);
              };
            });
  }

  @Provide
  Arbitrary<String> mutatedPerimeters() {
    return mutations(samplePerimeters);
  }

  @Provide
  Arbitrary<String> mutatedServices() {
    return mutations(sampleServices);
  }

  @Provide
  Arbitrary<String> mutatedProfile() {
    return mutations(shippedProfile);
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

  @Property(tries = 150)
  void garbagePerimeterExports(@ForAll("garbage") String text) throws Exception {
    Path f = write("perimeters.json", text);
    Cli.Result r = Cli.run(audit("--from-file", f.toString()).toArray(String[]::new));
    // Some garbage is valid JSON that holds no perimeter ("[]"): then it is a report.
    assertSafe(r, false);
  }

  @Property(tries = 150)
  void mutatedPerimeterExports(@ForAll("mutatedPerimeters") String text) throws Exception {
    Path f = write("perimeters.json", text);
    assertSafe(Cli.run(audit("--from-file", f.toString()).toArray(String[]::new)), false);
  }

  @Property(tries = 100)
  void garbageServicesLists(@ForAll("garbage") String text) throws Exception {
    Path perimeters = write("ok.json", samplePerimeters);
    Path f = write("services.json", text);
    Cli.Result r =
        Cli.run(
            audit("--from-file", perimeters.toString(), "--services-file", f.toString())
                .toArray(String[]::new));
    assertSafe(r, false);
  }

  @Property(tries = 100)
  void mutatedServicesLists(@ForAll("mutatedServices") String text) throws Exception {
    assertSafe(withSampleAnd("--services-file", "services.json", text), false);
  }

  @Property(tries = 100)
  void garbageProfiles(@ForAll("garbage") String text) throws Exception {
    assertSafe(withSampleAnd("--profile", "profile.yaml", text), /* mustFail= */ true);
  }

  @Property(tries = 150)
  void mutatedProfiles(@ForAll("mutatedProfile") String text) throws Exception {
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
