package dev.vpcscaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audited file's URI in SARIF is a valid URI reference whatever the file is called. */
class SarifArtifactTest {

  @Test
  void relativePathsArePercentEncoded() {
    assertThat(SarifReport.Artifact.of("exports/my perimeters #1 100%.json", "").uri())
        .isEqualTo("exports/my%20perimeters%20%231%20100%25.json");
    assertThat(SarifReport.Artifact.of("é.json", "").uri()).isEqualTo("%C3%A9.json");
    assertThat(SarifReport.Artifact.of("plain/export.json", "").uri())
        .isEqualTo("plain/export.json");
  }

  @Test
  void absolutePathsAreFileUris() {
    assertThat(SarifReport.Artifact.of("/tmp/a b.json", "").uri())
        .isEqualTo("file:///tmp/a%20b.json");
  }
}
