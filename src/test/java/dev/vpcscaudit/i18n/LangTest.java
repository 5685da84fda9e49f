package dev.vpcscaudit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {

  @Test
  void theLocaleDecidesInPosixOrder() {
    assertThat(Lang.fromEnvironment(Map.of())).isEqualTo(Lang.EN);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "ja_JP.UTF-8"))).isEqualTo(Lang.JA);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "ja"))).isEqualTo(Lang.JA);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "ja_JP.eucJP@x"))).isEqualTo(Lang.JA);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "C.UTF-8"))).isEqualTo(Lang.EN);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "jv_ID"))).isEqualTo(Lang.EN);
    // LC_MESSAGES overrides LANG, LC_ALL overrides both; an empty one does not count.
    assertThat(Lang.fromEnvironment(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "ja_JP.UTF-8")))
        .isEqualTo(Lang.JA);
    assertThat(
            Lang.fromEnvironment(
                Map.of("LANG", "ja_JP.UTF-8", "LC_MESSAGES", "ja_JP.UTF-8", "LC_ALL", "C")))
        .isEqualTo(Lang.EN);
    assertThat(Lang.fromEnvironment(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", "")))
        .isEqualTo(Lang.JA);
  }

  @Test
  void placeholdersAreFilledOnceAndNothingElseIsSpecial() {
    // An apostrophe is an apostrophe; a value's own braces are never read again.
    assertThat(Messages.EN.get("error.usage", "--x: '{0}' is {1}", "vpcsc-audit --help"))
        .isEqualTo("error: --x: '{0}' is {1} (see 'vpcsc-audit --help')");
    assertThat(Text.of("rules.titled", "status.ingressPolicies[0]", "it's").toString())
        .isEqualTo("status.ingressPolicies[0] ('it's')");
    assertThat(Text.of("rules.titled", "p", "t").in(Messages.JA)).isEqualTo("p（'t'）");
    assertThat(Text.list(java.util.List.of("a", "b", "c")).in(Messages.JA)).isEqualTo("a、b、c");
    assertThat(Text.verbatim("gcloud x").in(Messages.JA)).isEqualTo("gcloud x");
  }
}
