package dev.vpcscaudit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/glossary-ja.tsv}, the Japanese terms the messages will use: every row names an
 * English term once, a Japanese term in Japanese script, and a Google documentation page in
 * Japanese ({@code hl=ja}) it was read on.
 */
class GlossaryTest {

  @Test
  void everyTermHasOneJapaneseFormAndItsJapanesePage() throws Exception {
    List<String> rows =
        Files.readString(Fixtures.repoRoot().resolve("docs/glossary-ja.tsv"))
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    Set<String> english = new HashSet<>();
    for (String row : rows) {
      String[] f = row.split("\t", -1);
      assertThat(f).as(row).hasSize(3);
      assertThat(english.add(f[0])).as("twice: " + f[0]).isTrue();
      assertThat(
              f[1].codePoints()
                  .anyMatch(
                      c ->
                          Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                              || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                              || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA))
          .as(row)
          .isTrue();
      // The documentation's parentheses in Japanese text are full-width.
      assertThat(f[1]).as(row).doesNotContain("(", ")");
      assertThat(f[2]).as(row).startsWith("https://").contains("hl=ja");
    }
  }
}
