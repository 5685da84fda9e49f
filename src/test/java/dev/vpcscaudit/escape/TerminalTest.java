package dev.vpcscaudit.escape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void controlsAndBidiCharactersAreShownEscaped() {
    assertThat(Terminal.clean("a\u001b[2Jb")).isEqualTo("a\\x1b[2Jb");
    assertThat(Terminal.clean("line\r\nnext\t")).isEqualTo("line\\r\\nnext\\t");
    assertThat(Terminal.clean("x\u202ey\u2066z\u061c")).isEqualTo("x\\u202Ey\\u2066z\\u061C");
    assertThat(Terminal.clean("del\u007f c1\u009b")).isEqualTo("del\\x7f c1\\x9b");
  }

  @Test
  void plainTextAndOtherScriptsAreUntouched() {
    String text = "accessPolicies/1/servicePerimeters/p サービス境界 é";
    assertThat(Terminal.clean(text)).isSameAs(text);
    assertThat(Terminal.clean(null)).isNull();
  }

  @Test
  void credentialsInUrlsAreRedacted() {
    assertThat(Redact.urls("via https://user:pw@proxy:3128/ and socks5://a:b@h:1"))
        .isEqualTo("via https://***@proxy:3128/ and socks5://***@h:1");
    assertThat(Redact.url("user:pw@proxy:3128")).isEqualTo("***@proxy:3128");
    assertThat(Redact.urls("mail me at a@b.c")).isEqualTo("mail me at a@b.c");
    assertThat(Redact.url("http://proxy:3128")).isEqualTo("http://proxy:3128");
  }
}
