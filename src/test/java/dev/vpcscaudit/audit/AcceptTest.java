package dev.vpcscaudit.audit;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.report.JsonReport;
import dev.vpcscaudit.report.ReportSchemaTest;
import dev.vpcscaudit.report.SarifReport;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --accept}: a finding an entry matches is accepted until the entry's date (reported, not
 * counted); after it the finding counts again and {@code acceptance-expired} says which entry to
 * renew. Entries are checked when read.
 */
public class AcceptTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  /** A perimeter that leaves logging unrestricted. */
  static AuditResult loggingUnrestricted() {
    List<String> services = new ArrayList<>(Fixtures.gdc().requiredServices());
    services.remove("logging.googleapis.com");
    return AuditEngine.audit(
        new ProjectRef(null, PROJECT),
        Fixtures.perimeters(
            "["
                + Fixtures.perimeter(
                    "gdc", Fixtures.config(Fixtures.jsonList(services), Fixtures.VPC_RESTRICTED))
                + "]"),
        Fixtures.gdc(),
        "file");
  }

  static Acceptances acceptances(String expires) {
    try {
      Path file = Files.createTempFile("accept", ".yaml");
      Files.writeString(
          file,
          "accept:\n"
              + "  - rule: required-service-unrestricted\n"
              + "    service: logging.googleapis.com\n"
              + "    perimeter: accessPolicies/111/servicePerimeters/gdc\n"
              + "    reason: Logs go to an on-premises SIEM until the migration, ticket SEC-42\n"
              + "    expires: "
              + expires
              + "\n");
      return Acceptances.read(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** For RulesTest: an acceptance that expired yesterday, its finding still there. */
  static AuditResult withExpiredAcceptance() {
    return loggingUnrestricted().withAcceptances(acceptances("2026-12-01"), TODAY);
  }

  @Test
  void aLiveAcceptanceMakesTheFindingAcceptedNotCounted() throws Exception {
    AuditResult r = loggingUnrestricted().withAcceptances(acceptances("2026-12-31"), TODAY);

    assertThat(r.compliant()).isTrue();
    assertThat(r.count(Severity.ERROR)).isZero();
    assertThat(r.acceptedCount()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(r, "test"));
    assertThat(ReportSchemaTest.schema().validate(json)).isEmpty();
    assertThat(json.path("findings").get(0).path("accepted").path("expires").asText())
        .isEqualTo("2026-12-31");
    assertThat(json.path("summary").path("accepted").asInt()).isEqualTo(1);
    assertThat(json.path("compliant").asBoolean()).isTrue();
    JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(r, "test"));
    assertThat(
            sarif
                .path("runs")
                .get(0)
                .path("results")
                .get(0)
                .path("suppressions")
                .get(0)
                .path("status")
                .asText())
        .isEqualTo("accepted");
  }

  @Test
  void anExpiredAcceptanceIsAnErrorOfItsOwnAndTheFindingCountsAgain() {
    AuditResult r = withExpiredAcceptance();

    assertThat(r.compliant()).isFalse();
    assertThat(r.acceptedCount()).isZero();
    assertThat(r.findings())
        .extracting(f -> f.rule().id())
        .containsExactlyInAnyOrder("required-service-unrestricted", "acceptance-expired");
    Finding expired =
        r.findings().stream()
            .filter(f -> f.rule() == Rules.ACCEPTANCE_EXPIRED)
            .findFirst()
            .orElseThrow();
    assertThat(expired.severity()).isEqualTo(Severity.ERROR);
    assertThat(expired.message().toString()).contains("expired on 2026-12-01", "ticket SEC-42");
  }

  @Test
  void entriesAreCheckedWhenRead() throws Exception {
    Path dir = Files.createTempDirectory("accept");
    Path noDate =
        Files.writeString(
            dir.resolve("a.yaml"), "accept:\n  - rule: egress-to-any-resource\n    reason: x\n");
    assertThatThrownBy(() -> Acceptances.read(noDate))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("accept[0]: missing key 'expires'");
    Path badRule =
        Files.writeString(
            dir.resolve("b.yaml"),
            "accept:\n  - rule: nope\n    reason: x\n    expires: 2027-01-01\n");
    assertThatThrownBy(() -> Acceptances.read(badRule)).hasMessageContaining("no rule 'nope'");
    Path badDate =
        Files.writeString(
            dir.resolve("c.yaml"),
            "accept:\n  - rule: egress-to-any-resource\n    reason: x\n    expires: soon\n");
    assertThatThrownBy(() -> Acceptances.read(badDate))
        .hasMessageContaining("expected a date, YYYY-MM-DD");
    Path unknown =
        Files.writeString(
            dir.resolve("d.yaml"),
            "accept:\n  - rule: egress-to-any-resource\n    reason: x\n    expires: 2027-01-01\n    owner: me\n");
    assertThatThrownBy(() -> Acceptances.read(unknown)).hasMessageContaining("unknown key 'owner'");
  }
}
