package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.testing.Cli;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The help in Japanese, through picocli's resource-bundle support: the headings, every option's
 * description and the command's description and footer come from the Japanese bundle; the option
 * names, labels and examples stay as they are.
 */
class HelpLanguageTest {

  private static final List<String> COMMANDS =
      List.of("", "audit", "plan", "export", "profiles", "profiles list", "profiles show");

  @Test
  void everyCommandsHelpIsInJapaneseUnderAJapaneseLocale() {
    for (String command : COMMANDS) {
      String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
      Cli.Result ja = Cli.run(Map.of("LANG", "ja_JP.UTF-8", "COLUMNS", "100"), args);
      Cli.Result en = Cli.run(Map.of("COLUMNS", "100"), args);
      assertThat(ja.code()).as(command).isZero();
      assertThat(ja.out()).as(command).startsWith("使用法: vpcsc-audit");
      assertThat(en.out()).as(command).startsWith("Usage: vpcsc-audit");
      // Every option line's description is Japanese: no English sentence survives.
      for (String line : ja.out().lines().toList()) {
        assertThat(line)
            .as(command + ": " + line)
            .doesNotContain("Show this help", "Required.", "Exit codes:", "Examples:", "Offline:");
      }
      // The same options, in the same order, in both languages.
      assertThat(options(ja.out())).as(command).isEqualTo(options(en.out()));
    }
  }

  @Test
  void langChoosesTheHelpsLanguageWhateverTheLocale() {
    Cli.Result ja = Cli.run(Map.of(), "audit", "--lang", "ja", "--help");
    assertThat(ja.out()).startsWith("使用法:").contains("オプション:", "メッセージの言語");
    Cli.Result en = Cli.run(Map.of("LANG", "ja_JP.UTF-8"), "audit", "--help", "--lang=en");
    assertThat(en.out()).startsWith("Usage:").contains("Options:");
  }

  private static List<String> options(String help) {
    return help.lines()
        .filter(l -> l.matches(" {2,6}(-\\w, )?--[a-z-]+.*"))
        .map(l -> l.strip().split("[ =]")[0])
        .toList();
  }
}
