package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Microsoft's SARIF validator ({@code Sarif.Multitool validate}, npm package
 * {@code @microsoft/sarif-multitool-linux} 5.7.0, installed by {@code make test} under {@code
 * .tools/}). A missing validator fails with one clear line, never skips.
 */
public final class SarifValidator {

  static final Path TOOL =
      Fixtures.repoRoot()
          .resolve(
              ".tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

  /**
   * The one warning accepted: SARIF2005 recommends {@code tool.driver.informationUri}, and the
   * project has no home page to name (the URL it once gave was invented; issue 17). Everything else
   * the validator says, error or warning, fails.
   */
  static final String NO_INFORMATION_URI = "SARIF2005";

  private SarifValidator() {}

  /**
   * Validates every {@code .sarif} file in {@code dir}; fails listing each error and warning but
   * {@link #NO_INFORMATION_URI}.
   */
  public static void assertValid(Path dir) throws Exception {
    if (!Files.isExecutable(TOOL)) {
      throw new AssertionError(
          "the SARIF validator is not installed: run 'make test', which installs"
              + " @microsoft/sarif-multitool-linux into .tools/");
    }
    Path log = dir.resolveSibling(dir.getFileName() + "-validation.sarif");
    Files.deleteIfExists(log);
    Processes.Result r =
        Processes.run(
            new ProcessBuilder(
                TOOL.toString(), "validate", dir.toString(), "--output", log.toString()),
            Duration.ofSeconds(120));
    assertThat(r.code()).as("%s%n%s", r.out(), r.err()).isZero();
    JsonNode results =
        new ObjectMapper().readTree(log.toFile()).path("runs").get(0).path("results");
    List<String> problems = new ArrayList<>();
    for (JsonNode result : results) {
      if (result.path("ruleId").asText().equals(NO_INFORMATION_URI)) {
        continue;
      }
      problems.add(
          result.path("ruleId").asText()
              + " "
              + result.path("message").path("id").asText()
              + " "
              + result.path("message").path("arguments"));
    }
    assertThat(problems).as("validator findings:%n%s", r.out()).isEmpty();
  }
}
