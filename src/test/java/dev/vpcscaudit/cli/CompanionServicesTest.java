package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's {@code companionServices}: services to restrict with a required one, each with the
 * page that says so; {@code companion-service-unrestricted} warns per perimeter, mode and service,
 * and plans add the companion like a required service.
 */
class CompanionServicesTest {

  static final String SAMPLE =
      Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString();
  static final String SOURCE = "https://docs.example.test/vpc-sc/limitations#gke-on-prem";

  @TempDir Path dir;

  /** The shipped profile with one companion (test data, not a documented fact). */
  Path profile(String companions) throws Exception {
    String shipped =
        Files.readString(Fixtures.repoRoot().resolve("policies/gdc-bare-metal.yaml"))
            .replace("name: gdc-bare-metal", "name: gdc-with-companions");
    return Files.writeString(dir.resolve("profile.yaml"), shipped + companions);
  }

  static final String ONE =
      "companionServices:\n"
          + "  gkeonprem.googleapis.com:\n"
          + "    - service: serviceusage.googleapis.com\n"
          + "      source: "
          + SOURCE
          + "\n";

  /** {@code command} of the sample's project, offline, with profile {@code p} and {@code more}. */
  static Cli.Result run(Path p, String command, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                command,
                "--project",
                "123456789012",
                "--from-file",
                SAMPLE,
                "--profile",
                p.toString()));
    args.addAll(java.util.List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anUnrestrictedCompanionIsAWarningWithItsSourceAndThePlanAddsIt() throws Exception {
    Path p = profile(ONE);

    Cli.Result r = run(p, "audit", "--format", "json", "--fail-on", "never");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode found =
        dev.vpcscaudit.testing.Reports.findings(
                new ObjectMapper().readTree(r.out()), "companion-service-unrestricted")
            .stream()
            .filter(f -> f.path("mode").asText().equals("enforced"))
            .findFirst()
            .orElse(null);
    assertThat(found).isNotNull();
    assertThat(found.path("severity").asText()).isEqualTo("warning");
    assertThat(found.path("service").asText()).isEqualTo("serviceusage.googleapis.com");
    assertThat(found.path("message").asText())
        .isEqualTo(
            "serviceusage.googleapis.com is not in status.restrictedServices, and"
                + " gkeonprem.googleapis.com is fully protected only with it ("
                + SOURCE
                + ")");

    Cli.Result plan = run(p, "plan", "--as", "gcloud", "--stage", "enforce");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).containsPattern("--add-restricted-services=[^ ]*serviceusage");

    Cli.Result show = Cli.run("profiles", "show", p.toString());
    assertThat(show.out()).contains("serviceusage.googleapis.com").contains(SOURCE);
  }

  @Test
  void badCompanionEntriesAreOneLineOfBadInput() throws Exception {
    String[][] cases = {
      {
        "companionServices:\n  dns.googleapis.com:\n    - service: x.googleapis.com\n      source: "
            + SOURCE
            + "\n",
        "is not one of requiredServices"
      },
      {
        "companionServices:\n  gkeonprem.googleapis.com:\n    - service: x.googleapis.com\n"
            + "      source: http://insecure.test/\n",
        "expected the https:// address"
      },
      {
        "companionServices:\n  gkeonprem.googleapis.com:\n    - service: gkeonprem.googleapis.com\n"
            + "      source: "
            + SOURCE
            + "\n",
        "a service is not its own companion"
      },
      {
        "companionServices:\n  gkeonprem.googleapis.com:\n    - service: x.googleapis.com\n"
            + "      why: because\n",
        "unknown key"
      }
    };
    for (String[] c : cases) {
      Path p = profile(c[0]);
      Cli.Result r =
          Cli.run(
              "audit",
              "--project",
              "123456789012",
              "--from-file",
              SAMPLE,
              "--profile",
              p.toString());
      assertThat(r.code()).as(c[0]).isEqualTo(2);
      assertThat(r.err().lines()).as(c[0]).singleElement().asString().contains(c[1]);
    }
  }
}
