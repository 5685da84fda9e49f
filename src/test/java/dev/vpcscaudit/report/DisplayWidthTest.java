package dev.vpcscaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.escape.Terminal;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text report measures lines in terminal columns: a Japanese title from the input (wide
 * characters, two columns each, no spaces) is wrapped within the width, between its characters,
 * while an identifier is never cut.
 */
class DisplayWidthTest {

  static final String TITLE = "オンプレミスのクラスタからのアクセスを許可するための上り（内向き）ルール";

  @Test
  void widthsCountWideCharactersTwiceAndMarksNever() {
    assertThat(Terminal.width("abc")).isEqualTo(3);
    assertThat(Terminal.width("サービス境界")).isEqualTo(12);
    assertThat(Terminal.width("（）")).isEqualTo(4);
    assertThat(Terminal.width("e\u0301")).isEqualTo(1);
    assertThat(Terminal.width("\uD83D\uDE00")).isEqualTo(2);
  }

  @Test
  void aJapaneseTitleIsWrappedWithinTheWidthAndIdentifiersStayWhole() {
    String ingress =
        "[{\"title\": \""
            + TITLE
            + "\", \"ingressFrom\": {\"identityType\": \"ANY_IDENTITY\", \"sources\":"
            + " [{\"accessLevel\": \"*\"}]}, \"ingressTo\": {\"operations\": [{\"serviceName\":"
            + " \"*\"}], \"resources\": [\"*\"]}}]";
    String status =
        Fixtures.compliantConfig().replaceFirst("\\}$", ", \"ingressPolicies\": " + ingress + "}");
    AuditResult result =
        AuditEngine.audit(
            new ProjectRef(null, Fixtures.PROJECT),
            Fixtures.perimeters("[" + Fixtures.perimeter("gdc", status) + "]"),
            Fixtures.gdc(),
            "file");

    String text = TextReport.render(result, false, "", 60);

    // The findings' messages (indented six columns) are wrapped to the width.
    List<String> lines = text.lines().filter(l -> l.startsWith("      ")).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      boolean oneWord = !line.strip().contains(" ");
      if (!oneWord) {
        assertThat(Terminal.width(line)).as(line).isLessThanOrEqualTo(60);
      }
    }
    // The title, cut between its characters, is all there, in order.
    String joined = String.join("", lines.stream().map(String::strip).toList());
    assertThat(joined.replace(" ", "")).contains(TITLE);
    assertThat(lines).anyMatch(l -> l.contains("status.ingressPolicies[0]"));
    assertThat(TextReport.pieces("abc.def[0]")).containsExactly("abc.def[0]");
    assertThat(TextReport.pieces("('上り")).containsExactly("('", "上", "り");
  }
}
