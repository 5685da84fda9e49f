package dev.vpcscaudit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Fixtures;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two message bundles, read as files (not through ResourceBundle, whose fallback to the root
 * bundle would hide a missing Japanese key): the same keys, the same placeholders in each message,
 * every key the code names present, and the glossary's terms used as listed.
 */
class MessagesBundleTest {

  private static final Path DIR = Fixtures.repoRoot().resolve("src/main/resources");

  static Map<String, String> bundle(Lang lang) throws Exception {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(DIR.resolve(Messages.file(lang)), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }

  @Test
  void aFullWidthMarkAtAValuesEdgeTakesNoHalfWidthSpaceFromTheTemplate() {
    // "ポリシー {1} のサービス境界 {0} を読み取れません。..."
    assertThat(Messages.JA.get("script.cannot-read", "（境界）", "（p）"))
        .startsWith("ポリシー（p）のサービス境界（境界）を読み取れません");
    assertThat(Messages.JA.get("script.cannot-read", "gdc", "111"))
        .startsWith("ポリシー 111 のサービス境界 gdc を読み取れません");
    // A value's own spaces are its own: never changed.
    assertThat(Messages.JA.get("dns.resolver-at", "a） b （c")).isEqualTo("リゾルバ a） b （c");
    // English is written as it is.
    assertThat(Messages.EN.get("dns.resolver-at", "(x)")).isEqualTo("resolver (x)");
  }

  @Test
  void bothBundlesHaveExactlyTheSameKeysAndPlaceholders() throws Exception {
    Map<String, String> en = bundle(Lang.EN);
    Map<String, String> ja = bundle(Lang.JA);
    assertThat(en).hasSizeGreaterThan(200);
    assertThat(ja.keySet()).isEqualTo(en.keySet());
    for (String key : en.keySet()) {
      assertThat(Messages.placeholders(ja.get(key)))
          .as("placeholders of " + key)
          .isEqualTo(Messages.placeholders(en.get(key)));
    }
  }

  @Test
  void theBundlesAreUtf8WithoutEscapesAndEveryJapaneseMessageIsInJapanese() throws Exception {
    String raw = Files.readString(DIR.resolve(Messages.file(Lang.JA)), StandardCharsets.UTF_8);
    // Written as the text it is (Java 9+ properties bundles are UTF-8), not as \\u escapes.
    assertThat(raw).doesNotContainPattern("\\\\u[0-9a-fA-F]{4}[^\\n]*[\\p{IsHan}]");
    Map<String, String> en = bundle(Lang.EN);
    Map<String, String> ja = bundle(Lang.JA);
    List<String> untranslated = new ArrayList<>();
    for (String key : en.keySet()) {
      boolean words = en.get(key).replaceAll("\\{\\d+}", "").matches("(?s).*[A-Za-z]{3,}.*");
      boolean japanese = ja.get(key).codePoints().anyMatch(MessagesBundleTest::japanese);
      if (words && !japanese && !IDENTICAL.contains(key)) {
        untranslated.add(key + "=" + ja.get(key));
      }
    }
    assertThat(untranslated).as("Japanese messages with no Japanese in them").isEmpty();
  }

  /** Messages that are the same in both languages: names and markup only. */
  private static final List<String> IDENTICAL =
      List.of(
          "md.heading-dns",
          "sarif.message",
          "advice.manual",
          "zone.problem",
          "list.and",
          "text.dns",
          "api.http",
          "api.http.detail",
          "api.the-api");

  static boolean japanese(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  /**
   * Every key the code names literally is in the bundles: {@code Text.of("k"...)}, {@code
   * m.get("k"...)}, and in a rule class {@code text("k"...)} for {@code rule.ID.k}.
   */
  @Test
  void everyKeyTheCodeNamesIsInTheBundles() throws Exception {
    Map<String, String> en = bundle(Lang.EN);
    Pattern literal =
        Pattern.compile(
            "(?:Text\\.of|\\bm\\.get|messages\\.get|\\.get|\\busageOf)\\(\\s*\"([a-z][a-z0-9.-]*)\"");
    Pattern ruleText = Pattern.compile("\\btext\\(\\s*\"([a-z][a-z0-9-]*)\"");
    Pattern ruleId = Pattern.compile("super\\(\"([a-z-]+)\"");
    List<String> missing = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(Fixtures.repoRoot().resolve("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f);
        Matcher m = literal.matcher(src);
        while (m.find()) {
          String key = m.group(1);
          if (!key.endsWith(".") && looksLikeMessageKey(key)) {
            seen++;
            if (!en.containsKey(key)) {
              missing.add(f.getFileName() + ": " + key);
            }
          }
        }
        Matcher id = ruleId.matcher(src);
        if (id.find()) {
          Matcher t = ruleText.matcher(src);
          while (t.find()) {
            seen++;
            String key = "rule." + id.group(1) + "." + t.group(1);
            if (!en.containsKey(key)) {
              missing.add(f.getFileName() + ": " + key);
            }
          }
        }
      }
    }
    // Keys the renderers build from a machine value: "mode." + label and the like.
    for (var mode : dev.vpcscaudit.audit.Mode.values()) {
      check(en, "mode." + mode.label(), missing);
    }
    for (var type : dev.vpcscaudit.model.PerimeterType.values()) {
      check(en, "type." + type.label(), missing);
    }
    for (var severity : dev.vpcscaudit.audit.Severity.values()) {
      check(en, "severity." + severity.label(), missing);
    }
    for (var category : dev.vpcscaudit.audit.Category.values()) {
      check(en, "text.subjects." + category.subjectNoun(), missing);
      check(en, "text.subjects." + category.subjectNoun() + ".one", missing);
    }
    for (var rule : dev.vpcscaudit.audit.Rules.ALL) {
      check(en, rule.titleText().key(), missing);
      check(en, rule.helpText().key(), missing);
    }
    assertThat(seen).isGreaterThan(150);
    assertThat(missing).isEmpty();
  }

  private static void check(Map<String, String> bundle, String key, List<String> missing) {
    if (!bundle.containsKey(key)) {
      missing.add(key);
    }
  }

  /** Message keys start with a bundle section; other dotted strings (JSON paths) are not keys. */
  private static boolean looksLikeMessageKey(String key) {
    return Stream.of(
            "rule.",
            "rules.",
            "text.",
            "md.",
            "org.",
            "error.",
            "zone.",
            "reach.",
            "level.",
            "violations.",
            "remedy.",
            "acceptance.",
            "advice.",
            "sarif.",
            "dns.",
            "plan.",
            "list.",
            "mode.",
            "type.",
            "severity.",
            "help.")
        .anyMatch(key::startsWith);
  }

  /**
   * The glossary test: wherever an English message uses a term of docs/glossary-ja.tsv (a whole
   * word or phrase, any case), its Japanese message uses the Japanese term as listed.
   */
  @Test
  void everyGlossaryTermIsUsedAsListed() throws Exception {
    Map<String, String> en = bundle(Lang.EN);
    Map<String, String> ja = bundle(Lang.JA);
    List<String[]> terms =
        Files.readString(Fixtures.repoRoot().resolve("docs/glossary-ja.tsv"))
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.split("\t"))
            .toList();
    List<String> wrong = new ArrayList<>();
    int used = 0;
    for (String key : en.keySet()) {
      for (String[] t : terms) {
        Pattern word =
            Pattern.compile(
                "(?<![\\w-])" + Pattern.quote(t[0]) + "(?![\\w-])", Pattern.CASE_INSENSITIVE);
        if (word.matcher(en.get(key)).find()) {
          used++;
          if (!ja.get(key).contains(t[1])) {
            wrong.add(key + ": '" + t[0] + "' is " + t[1] + " in: " + ja.get(key));
          }
        }
      }
    }
    assertThat(used).as("glossary terms used by the messages").isGreaterThan(20);
    assertThat(wrong).isEmpty();
  }
}
