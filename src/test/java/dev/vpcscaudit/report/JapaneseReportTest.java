package dev.vpcscaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Remedy;
import dev.vpcscaudit.audit.RulesTest;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.escape.Terminal;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Golden;
import dev.vpcscaudit.testing.SarifValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports in Japanese: golden files pin the text of every format for the sample, of the
 * organization report, and of every rule's findings and remedies (all the scenarios of {@link
 * RulesTest}, network ones included); the JSON of the two languages differs in message text only;
 * the CLI takes its language from the locale or {@code --lang}.
 */
class JapaneseReportTest {

  private static final String PLAN = "vpcsc-audit plan --project 123456789012";

  private static AuditResult sample() {
    return ReportGoldenTest.sample();
  }

  @Test
  void theSampleInEveryFormat(@TempDir Path dir) throws Exception {
    AuditResult sample = sample();
    Messages ja = Messages.JA;
    Golden.assertMatches(TextReport.render(sample, false, PLAN, 100, ja), "report/sample.ja.txt");
    Golden.assertMatches(MarkdownReport.render(sample, PLAN, ja), "report/sample.ja.md");
    Golden.assertMatches(JsonReport.render(sample, "test", ja), "report/sample.ja.json");
    Golden.assertMatches(JUnitReport.render(sample, ja), "report/sample.ja.junit.xml");
    String sarif = SarifReport.render(sample, "0.0.0", null, ja);
    Golden.assertMatches(sarif, "report/sample.ja.sarif");
    Files.writeString(dir.resolve("sample.ja.sarif"), sarif);
    SarifValidator.assertValid(dir);
    assertThat(new ObjectMapper().readTree(sarif).path("runs").get(0).path("language").asText())
        .isEqualTo("ja");
  }

  @Test
  void theOrganizationReport() throws Exception {
    OrgReport report = ReportGoldenTest.organization(Messages.JA);
    String text = report.text(false, 100);
    Golden.assertMatches(text, "report/organization.ja.txt");
    Golden.assertMatches(report.markdown(), "report/organization.ja.md");
    // The summary table's columns line up in display columns: each verdict starts where the
    // header's does, whatever the width of the words.
    List<String> table = text.lines().skip(3).limit(4).toList();
    int verdict = Terminal.width(table.get(0).substring(0, table.get(0).indexOf("判定")));
    for (String row : table.subList(1, 4)) {
      int at =
          java.util.stream.Stream.of("非準拠", "読み取り不可", "準拠")
              .mapToInt(row::indexOf)
              .filter(i -> i >= 0)
              .min()
              .orElseThrow();
      assertThat(Terminal.width(row.substring(0, at))).as(row).isEqualTo(verdict);
    }
  }

  /**
   * Every finding and remedy of every rule in Japanese: each message is Japanese text with every
   * placeholder filled, and the whole list is pinned by a golden file.
   */
  @Test
  void everyRulesFindingsAndRemediesInJapanese() {
    StringBuilder out = new StringBuilder();
    Set<String> rules = new java.util.TreeSet<>();
    for (AuditResult result : RulesTest.scenarios()) {
      for (Finding f : result.findings()) {
        rules.add(f.rule().id());
        out.append(f.rule().id())
            .append(' ')
            .append(f.mode().label())
            .append('\n')
            .append("  ")
            .append(checked(f.message()))
            .append('\n');
        for (Stage stage : Stage.values()) {
          Remedy r = f.remedy(stage);
          List<Text> texts = new ArrayList<>();
          if (r instanceof Remedy.Manual m) {
            texts.add(m.reason());
            texts.add(m.step());
          } else if (r instanceof Remedy.NeedsChoice c) {
            texts.add(c.message());
          } else if (r instanceof Remedy.Fix fix && !fix.note().isEmpty()) {
            texts.add(fix.note());
          }
          for (Text t : texts) {
            out.append("  ").append(stage.label()).append(": ").append(t.in(Messages.JA));
            out.append('\n');
          }
        }
      }
    }
    assertThat(rules).hasSize(dev.vpcscaudit.audit.Rules.ALL.size());
    // The scenarios' --accept file is a temporary file: its name differs run to run.
    Golden.assertMatches(
        out.toString().replaceAll("[^\\s（]*accept\\d+\\.yaml", "ACCEPT.yaml"),
        "report/all-findings.ja.txt");
  }

  private static String checked(Text message) {
    String ja = message.in(Messages.JA);
    assertThat(ja).as(message.key()).doesNotContainPattern("\\{\\d+}");
    assertThat(
            ja.codePoints()
                .anyMatch(
                    c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                            || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
        .as("Japanese: " + ja)
        .isTrue();
    return ja;
  }

  /** Machine-read parts never change with the language: only message text and the language. */
  @Test
  void jsonDiffersBetweenLanguagesOnlyInMessageText() throws Exception {
    for (AuditResult result : withSample(RulesTest.scenarios())) {
      JsonNode en = new ObjectMapper().readTree(JsonReport.render(result, "t", Messages.EN));
      JsonNode ja = new ObjectMapper().readTree(JsonReport.render(result, "t", Messages.JA));
      assertThat(en.path("language").asText()).isEqualTo("en");
      assertThat(ja.path("language").asText()).isEqualTo("ja");
      List<String> differences = new ArrayList<>();
      compare("", en, ja, differences);
      assertThat(differences).as("fields that differ").allMatch(JapaneseReportTest::textField);
    }
  }

  private static List<AuditResult> withSample(List<AuditResult> results) {
    List<AuditResult> out = new ArrayList<>(results);
    out.add(sample());
    return out;
  }

  private static boolean textField(String path) {
    return path.equals("/language")
        || path.equals("/auditLogs")
        || path.matches(".*/(message|reason|step|note)");
  }

  private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      assertThat(ImmutableKeys.of(b)).as(path).isEqualTo(ImmutableKeys.of(a));
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        compare(path + "/" + e.getKey(), e.getValue(), b.get(e.getKey()), out);
      }
    } else if (a.isArray() && b.isArray()) {
      assertThat(b.size()).as(path).isEqualTo(a.size());
      for (int i = 0; i < a.size(); i++) {
        compare(path, a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(path);
    }
  }

  /** An object's keys in order. */
  private static final class ImmutableKeys {
    static List<String> of(JsonNode n) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      return keys;
    }
  }

  // ---- the command line ----

  private static final String[] SAMPLE = {
    "audit",
    "--project",
    "123456789012",
    "--from-file",
    Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
    "--services-file",
    Fixtures.repoRoot().resolve("samples/supported-services.json").toString(),
    "--access-levels-file",
    Fixtures.repoRoot().resolve("samples/access-levels.json").toString()
  };

  @Test
  void aJapaneseLocalePrintsTheJapaneseReportAlignedIn100Columns() {
    Cli.Result r = Cli.run(Map.of("LANG", "ja_JP.UTF-8", "COLUMNS", "100"), SAMPLE);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("VPC Service Controls の監査: projects/123456789012\n")
        .contains("プロジェクトを含むサービス境界:", "自動適用モード（status）", "修正: ");
    List<String> lines = r.out().lines().toList();
    String toFix = "修正方法: ";
    boolean advice = false;
    for (String line : lines) {
      // The "To fix" lines hold commands, which are never broken (they must paste whole).
      advice |= line.startsWith(toFix);
      if (!advice) {
        assertThat(Terminal.width(line)).as(line).isLessThanOrEqualTo(100);
      }
    }
    // The perimeter table: type and modes start at the same display column on every row.
    List<String> rows = lines.stream().filter(l -> l.startsWith("  accessPolicies/")).toList();
    assertThat(rows).hasSize(2);
    int typeColumn = -1;
    for (String row : rows) {
      String name = row.strip().split(" ")[0];
      int after = row.indexOf(name) + name.length();
      String rest = row.substring(after);
      int column =
          Terminal.width(row.substring(0, after)) + (rest.length() - rest.stripLeading().length());
      typeColumn = typeColumn < 0 ? column : typeColumn;
      assertThat(column).as(row).isEqualTo(typeColumn);
    }
    // Severity labels are padded to one display width: the rule IDs line up.
    List<Integer> ruleColumns =
        lines.stream()
            .filter(l -> l.matches("  (エラー|警告|情報) .*"))
            .map(
                l ->
                    Terminal.width(l.substring(0, l.indexOf(' ', 2) + 1))
                        + (l.substring(l.indexOf(' ', 2) + 1).length()
                            - l.substring(l.indexOf(' ', 2) + 1).stripLeading().length()))
            .distinct()
            .toList();
    assertThat(ruleColumns).hasSize(1);
  }

  @Test
  void langOverridesTheLocaleAndLcAllOverridesLang() {
    String[] en =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(SAMPLE), java.util.stream.Stream.of("--lang", "en"))
            .toArray(String[]::new);
    assertThat(Cli.run(Map.of("LANG", "ja_JP.UTF-8"), en).out())
        .startsWith("VPC Service Controls audit of projects/123456789012");
    assertThat(Cli.run(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", "C"), SAMPLE).out())
        .startsWith("VPC Service Controls audit of projects/123456789012");
    String[] ja =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(SAMPLE), java.util.stream.Stream.of("--lang=ja"))
            .toArray(String[]::new);
    assertThat(Cli.run(Map.of(), ja).out()).startsWith("VPC Service Controls の監査");
    // A bad value is a usage error naming the choices.
    Cli.Result bad = Cli.run(Map.of(), "audit", "--lang", "fr", "--project", "1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--lang").contains("en").contains("ja");
  }

  @Test
  void theJsonReportNamesItsLanguage() throws Exception {
    String[] json =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(SAMPLE), java.util.stream.Stream.of("--format", "json"))
            .toArray(String[]::new);
    JsonNode ja = new ObjectMapper().readTree(Cli.run(Map.of("LANG", "ja_JP.UTF-8"), json).out());
    JsonNode en = new ObjectMapper().readTree(Cli.run(Map.of(), json).out());
    assertThat(ja.path("language").asText()).isEqualTo("ja");
    assertThat(en.path("language").asText()).isEqualTo("en");
    List<String> differences = new ArrayList<>();
    compare("", en, ja, differences);
    assertThat(differences).isNotEmpty().allMatch(JapaneseReportTest::textField);
  }

  @Test
  void whatTheRunWroteIsSaidInTheLanguage(@TempDir Path dir) {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(SAMPLE),
                java.util.stream.Stream.of(
                    "--format", "json,markdown", "--output-dir", dir.toString()))
            .toArray(String[]::new);
    Cli.Result r = Cli.run(Map.of("LANG", "ja_JP.UTF-8"), args);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(dir + " への json, markdown レポート（非準拠）を書きました\n");
  }

  @Test
  void errorsAreInTheLanguageToo() {
    Cli.Result r =
        Cli.run(
            Map.of("LANG", "ja_JP.UTF-8"),
            "audit",
            "--project",
            "1",
            "--from-file",
            "/nonexistent/x.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("エラー: --from-file /nonexistent/x.json: そのようなファイルはありません\n");
    Cli.Result usage = Cli.run(Map.of("LANG", "ja_JP.UTF-8"), "audit", "--no-such-option");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).startsWith("エラー: ").contains("（'vpcsc-audit audit --help' を参照）");
  }

  @Test
  void profileInputUsageAndEnvironmentErrorsAreInTheLanguage(@TempDir Path dir)
      throws java.io.IOException {
    Map<String, String> ja = Map.of("LANG", "ja_JP.UTF-8");
    Path profile = dir.resolve("p.yaml");
    java.nio.file.Files.writeString(profile, "formatVersion: 1\nname: x\nrequiredServices: []\n");
    Cli.Result badProfile =
        Cli.run(ja, "audit", "--project", "1", "--from-file", "-", "--profile", profile.toString());
    assertThat(badProfile.code()).isEqualTo(2);
    assertThat(badProfile.err())
        .isEqualTo("エラー: --profile " + profile + ": キー 'requiredServices': リストが空です\n");

    Path export = dir.resolve("export.json");
    java.nio.file.Files.writeString(export, "[{\"name\": 7}]");
    Cli.Result badJson = Cli.run(ja, "audit", "--project", "1", "--from-file", export.toString());
    assertThat(badJson.code()).isEqualTo(2);
    assertThat(badJson.err()).startsWith("エラー: --from-file " + export).contains("文字列が必要です");

    Cli.Result badValue = Cli.run(ja, "audit", "--project", "1", "--violations", "7 days");
    assertThat(badValue.code()).isEqualTo(2);
    assertThat(badValue.err())
        .isEqualTo("エラー: --violations '7 days': 7d、24h、30m のような期間が必要です（日 d、時間 h、分 m、秒 s の整数）\n");

    Cli.Result noFormat = Cli.run(ja, "plan", "--project", "1", "--from-file", "x.json");
    assertThat(noFormat.code()).isEqualTo(2);
    assertThat(noFormat.err())
        .isEqualTo("エラー: 必須オプション '--as=FORMAT' がありません（'vpcsc-audit plan --help' を参照）\n");

    Map<String, String> proxied = new java.util.HashMap<>(ja);
    proxied.put("HTTPS_PROXY", "socks5://proxy.example:1080");
    Cli.Result badProxy = Cli.run(proxied, "audit", "--project", "1");
    assertThat(badProxy.code()).isEqualTo(2);
    assertThat(badProxy.err())
        .isEqualTo(
            "エラー: HTTPS_PROXY='socks5://proxy.example:1080': サポートされているのは http:// のプロキシのみです（HTTPS は CONNECT で通ります）\n");

    Cli.Result list = Cli.run(ja, "profiles", "list");
    assertThat(list.out()).startsWith("gdc-bare-metal").contains("サービス 14 件、VPC のアクセス可能なサービス");
    Cli.Result show = Cli.run(ja, "profiles", "show", "nope");
    assertThat(show.err())
        .isEqualTo(
            "エラー: profiles show nope: 同梱プロファイル 'nope' はありません（同梱: "
                + String.join(", ", dev.vpcscaudit.profile.Profiles.shippedNames())
                + "）。独自のプロファイルを表示するには、その YAML ファイルのパスを指定してください\n");
  }
}
