package dev.vpcscaudit.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.i18n.Lang;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The terminal's progress bar: redrawn in place, throttled, always ended with a newline. */
class CallLogBarTest {

  private static final Text PROJECTS_READ = Text.of("log.projects-read");

  @Test
  void manyQuickStepsRedrawOnlyAFewTimesAndEndAtTheTotal() {
    StringWriter terminal = new StringWriter();
    CallLog.Bar bar =
        new CallLog(null, new PrintWriter(terminal), Messages.EN).bar(PROJECTS_READ, 10_000);
    for (int i = 0; i < 10_000; i++) {
      bar.advance(1);
    }
    bar.finish();

    String drawn = terminal.toString();
    long redraws = drawn.chars().filter(c -> c == '\r').count();
    assertThat(redraws).isBetween(2L, 100L);
    assertThat(drawn)
        .startsWith("\rvpcsc-audit: [..............................] 1/10000 projects read")
        .endsWith("\rvpcsc-audit: [##############################] 10000/10000 projects read\n");
  }

  @Test
  void aFailedReadEndsTheLineWhereItStopped() {
    StringWriter terminal = new StringWriter();
    CallLog.Bar bar =
        new CallLog(null, new PrintWriter(terminal), Messages.EN).bar(PROJECTS_READ, 4);
    bar.advance(1);
    bar.finish();

    assertThat(terminal.toString())
        .endsWith("[#######.......................] 1/4 projects read\n");
  }

  @Test
  void verboseOrNotATerminalDrawsNothing() {
    StringWriter verbose = new StringWriter();
    StringWriter terminal = new StringWriter();
    CallLog.Bar withVerbose =
        new CallLog(new PrintWriter(verbose), new PrintWriter(terminal), Messages.EN)
            .bar(PROJECTS_READ, 2);
    withVerbose.advance(2);
    withVerbose.finish();
    CallLog.Bar piped = new CallLog(null, null, Messages.EN).bar(PROJECTS_READ, 2);
    piped.advance(2);
    piped.finish();

    assertThat(verbose.toString()).isEmpty();
    assertThat(terminal.toString()).isEmpty();
    assertThat(piped.done()).isEqualTo(2);
  }

  @Test
  void theBarAndTheNotesSpeakTheRunsLanguage() {
    StringWriter terminal = new StringWriter();
    CallLog log = new CallLog(null, new PrintWriter(terminal), Messages.of(Lang.JA));
    log.note(Text.of("log.listing-organization", "organizations/123"));
    CallLog.Bar bar = log.bar(PROJECTS_READ, 4);
    bar.advance(4);
    bar.finish();

    assertThat(terminal.toString())
        .startsWith("vpcsc-audit: organizations/123 のプロジェクト、フォルダ、アクセス ポリシーを一覧しています\n")
        .endsWith("] 4/4 件のプロジェクトを読み取り済み\n");
  }
}
