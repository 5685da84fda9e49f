package dev.vpcscaudit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.Violation;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved {@code gcloud logging read --format=json}: the VPC Service Controls denials in it. */
class ViolationLogReaderTest {

  static final Path SAMPLE =
      Fixtures.repoRoot().resolve("src/test/resources/violations/gdc-prod.json");
  static final String GDC_PROD = "accessPolicies/587139914682/servicePerimeters/gdc_prod";

  @TempDir Path dir;

  @Test
  void readsTheDenialsAndSkipsOtherEntries() {
    ViolationLogReader.Read read = ViolationLogReader.readFile(SAMPLE);

    assertThat(read.skipped()).as("the activity log entry").isEqualTo(1);
    assertThat(read.violations()).hasSize(5);
    Violation first = read.violations().get(0);
    assertThat(first)
        .isEqualTo(
            new Violation(
                "2026-11-30T10:15:02.123456Z",
                true,
                GDC_PROD,
                "gkehub.googleapis.com",
                "google.cloud.gkehub.v1.GkeHub.GetMembership",
                "gke-connect@gdc-prod.iam.gserviceaccount.com",
                "10.200.0.15",
                "//compute.googleapis.com/projects/gdc-prod/global/networks/__unknown__",
                "NO_MATCHING_ACCESS_LEVEL",
                "UoJ-hub-1"));
    // An entry naming its perimeter only in its ingress violation.
    assertThat(read.violations().get(2).perimeter()).isEqualTo(GDC_PROD);
    // An enforced denial has no dryRun field at all.
    assertThat(read.violations().get(4).dryRun()).isFalse();
    assertThat(read.violations().get(4).callerNetwork()).isNull();
  }

  @Test
  void somethingElseIsBadInputNamingTheFileAndTheEntry() throws Exception {
    Path object = Files.writeString(dir.resolve("o.json"), "{\"entries\": []}");
    assertThatThrownBy(() -> ViolationLogReader.readFile(object))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "--violations-file "
                + object
                + ": expected the JSON list of 'gcloud logging read FILTER --format=json', got an"
                + " object");
    Path noTime =
        Files.writeString(
            dir.resolve("t.json"),
            "[{\"protoPayload\": {\"serviceName\": \"storage.googleapis.com\", \"metadata\":"
                + " {\"@type\": \""
                + ViolationLogReader.METADATA_TYPE
                + "\"}}}]");
    assertThatThrownBy(() -> ViolationLogReader.readFile(noTime))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--violations-file " + noTime)
        .hasMessageContaining("[0]")
        .hasMessageContaining("a VPC Service Controls log entry without a timestamp");
    Path empty = Files.writeString(dir.resolve("e.json"), "[]");
    assertThat(ViolationLogReader.readFile(empty).violations()).isEmpty();
  }
}
