package dev.vpcscaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.model.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Denials as findings: per perimeter and mode, grouped by kind, newest first, capped. */
class ViolationsTest {

  static final String P = "accessPolicies/1/servicePerimeters/prod";

  static Violation v(String ts, boolean dryRun, String service, String caller, String id) {
    return new Violation(ts, dryRun, P, service, "M", caller, "10.0.0.1", null, "R", id);
  }

  @Test
  void dryRunAndEnforcedDenialsAreTwoFindingsOfThePerimeter() {
    Violations vs =
        new Violations(
            "--violations-file f.json",
            List.of(
                v("2026-12-01T10:00:00Z", true, "a.googleapis.com", "x@p", "1"),
                v("2026-12-01T09:00:00+02:00", true, "a.googleapis.com", "x@p", "2"),
                v("2026-12-01T11:00:00Z", true, "b.googleapis.com", "y@p", "3"),
                v("2026-12-02T00:00:00Z", false, "c.googleapis.com", null, "4")),
            2);

    List<Finding> findings = vs.findings();

    assertThat(findings).hasSize(2);
    Finding enforced = findings.get(0);
    assertThat(enforced.rule()).isEqualTo(Rules.ENFORCED_VIOLATIONS);
    assertThat(enforced.severity()).isEqualTo(Severity.INFO);
    assertThat(enforced.mode()).isEqualTo(Mode.ENFORCED);
    assertThat(enforced.message().toString())
        .isEqualTo(
            "the enforced config denied 1 request between 2026-12-02T00:00:00Z and"
                + " 2026-12-02T00:00:00Z (--violations-file f.json): 1 x c.googleapis.com M by an"
                + " unnamed caller (from 10.0.0.1, R), last 2026-12-02T00:00:00Z, unique ID 4");
    Finding dryRun = findings.get(1);
    assertThat(dryRun.rule()).isEqualTo(Rules.DRY_RUN_VIOLATIONS);
    assertThat(dryRun.severity()).isEqualTo(Severity.WARNING);
    assertThat(dryRun.mode()).isEqualTo(Mode.DRY_RUN);
    assertThat(dryRun.perimeter()).isEqualTo(P);
    // 09:00+02:00 is 07:00Z, the first: times compare as instants; the b group (11:00Z) is the
    // newest, named first.
    assertThat(dryRun.message().toString())
        .isEqualTo(
            "the dry-run config would have denied 3 requests between 2026-12-01T09:00:00+02:00 and"
                + " 2026-12-01T11:00:00Z (--violations-file f.json): 1 x b.googleapis.com M by y@p"
                + " (from 10.0.0.1, R), last 2026-12-01T11:00:00Z, unique ID 3; 2 x"
                + " a.googleapis.com M by x@p (from 10.0.0.1, R), last 2026-12-01T10:00:00Z, unique"
                + " ID 1");
    assertThat(vs.summary().toString())
        .isEqualTo(
            "4 denials read from --violations-file f.json (3 dry-run, 1 enforced; 2 other log"
                + " entries skipped)");
  }

  @Test
  void manyKindsNameTheNewestAndCountTheRest() {
    List<Violation> all = new ArrayList<>();
    for (int i = 0; i < Violations.GROUPS_SHOWN + 3; i++) {
      all.add(v("2026-12-01T0" + i + ":00:00Z", true, "s" + i + ".googleapis.com", "x@p", "" + i));
    }
    Finding f = new Violations("logs", all, 0).findings().get(0);

    assertThat(f.message().toString())
        .startsWith("the dry-run config would have denied 8 requests")
        .contains(": 1 x s7.googleapis.com")
        .endsWith("; and 3 more kinds")
        .doesNotContain("s2.googleapis.com");
  }

  @Test
  void noDenialsNoFindings() {
    Violations none = new Violations("logs", List.of(), 0);
    assertThat(none.findings()).isEmpty();
    assertThat(none.summary().toString())
        .isEqualTo("0 denials read from logs (0 dry-run, 0 enforced)");
  }
}
