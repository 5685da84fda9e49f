package dev.vpcscaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}, compared exactly. Run with {@code
 * -DupdateGoldens=true} to rewrite them, then review the diff.
 */
public final class Golden {

  private Golden() {}

  public static void assertMatches(String actual, String name) {
    assertFileMatches(
        actual, Fixtures.repoRoot().resolve("src/test/resources/golden").resolve(name));
  }

  /** The same for a file elsewhere in the repository (an example kept in sync with the code). */
  public static void assertFileMatches(String actual, Path file) {
    String name = Fixtures.repoRoot().relativize(file).toString();
    try {
      if (Boolean.getBoolean("updateGoldens")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (create it with -DupdateGoldens=true)", name).exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual).as("golden file %s", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
