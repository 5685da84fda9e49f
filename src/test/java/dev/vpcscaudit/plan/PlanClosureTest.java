package dev.vpcscaudit.plan;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static dev.vpcscaudit.testing.Fixtures.VPC_RESTRICTED;
import static dev.vpcscaudit.testing.Fixtures.allRequired;
import static dev.vpcscaudit.testing.Fixtures.compliantConfig;
import static dev.vpcscaudit.testing.Fixtures.config;
import static dev.vpcscaudit.testing.Fixtures.perimeter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.GcloudModel;
import dev.vpcscaudit.testing.GcloudStub;
import dev.vpcscaudit.testing.HclModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closure and losslessness, for every scenario and both stages: apply the plan (the gcloud script
 * run by bash against a model of gcloud; the Terraform parsed by a real HCL parser) and audit
 * again; nothing the input had may be gone.
 */
public class PlanClosureTest {

  @TempDir Path dir;

  static final String FULL_CONFIG =
      """
      {"resources": ["projects/123456789012", "projects/777", "//compute.googleapis.com/projects/p/global/networks/n"],
       "accessLevels": ["accessPolicies/111/accessLevels/corp"],
       "restrictedServices": ["bigquery.googleapis.com", "logging.googleapis.com"],
       "vpcAccessibleServices": {"enableRestriction": true, "allowedServices": ["bigquery.googleapis.com"],
         "allowedServicePatterns": [{"service": "storage.googleapis.com", "pattern": "storage.googleapis.com/b/keep/*"}],
         "servicePatternsEnforcementScopes": ["GOOGLE_APIS_VIA_PRIVATE_PATH"]},
       "ingressPolicies": [{"title": "partners", "ingressFrom": {"identityType": "ANY_IDENTITY",
           "sources": [{"accessLevel": "accessPolicies/111/accessLevels/corp"}, {"resource": "projects/42"}]},
         "ingressTo": {"operations": [{"serviceName": "storage.googleapis.com", "methodSelectors": [{"method": "google.storage.objects.get"}, {"permission": "storage.objects.list"}]}],
           "resources": ["*"], "roles": ["roles/storage.objectViewer"]}}],
       "egressPolicies": [{"title": "to-s3", "egressFrom": {"identities": ["serviceAccount:x@p.iam.gserviceaccount.com"],
           "sources": [{"resource": "projects/123456789012"}], "sourceRestriction": "SOURCE_RESTRICTION_ENABLED"},
         "egressTo": {"operations": [{"serviceName": "bigquery.googleapis.com"}], "externalResources": ["s3://bucket"], "roles": ["roles/bigquery.dataViewer"]}}]}
      """;

  /** The status config of the all-fields fixture: every field a perimeter config can hold. */
  static String everyField() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(
              Files.readString(
                  Fixtures.repoRoot().resolve("src/test/resources/fixtures/all-fields.json")))
          .get("status")
          .toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Arguments> scenarios() throws Exception {
    List<Arguments> out = new ArrayList<>();
    String sample = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    String[][] cases = {
      {"sample", sample, null},
      {
        "status only, VPC accessible services absent",
        "[" + perimeter("gdc", config("[\"logging.googleapis.com\"]", null)) + "]",
        null
      },
      {
        "VPC restriction with a partial list",
        "["
            + perimeter(
                "gdc",
                config(
                    allRequired(),
                    "{\"enableRestriction\": true, \"allowedServices\": [\"logging.googleapis.com\"]}"))
            + "]",
        null
      },
      {
        "explicit spec dropped the project",
        "["
            + perimeter(
                "gdc",
                compliantConfig(),
                "{\"resources\": [\"projects/5\"], \"restrictedServices\": [\"logging.googleapis.com\"]}")
            + "]",
        null
      },
      {"dry-run-only perimeter", "[" + perimeter("staged", null, config("[]", null)) + "]", null},
      {
        "in no perimeter, target given",
        "["
            + perimeter(
                "other",
                "{\"resources\": [\"projects/5\"], \"restrictedServices\": [\"bigquery.googleapis.com\"]}")
            + ", {\"name\": \"accessPolicies/111/servicePerimeters/bridge\", \"perimeterType\": \"PERIMETER_TYPE_BRIDGE\","
            + " \"status\": {\"resources\": [\"projects/"
            + PROJECT
            + "\"]}}]",
        "other"
      },
      {
        "two policies",
        "["
            + perimeter("a", config("[]", null))
            + ", {\"name\": \"accessPolicies/222/servicePerimeters/a\", \"status\": "
            + config("[\"logging.googleapis.com\"]", VPC_RESTRICTED)
            + "}]",
        null
      },
      {
        "every field kept",
        "["
            + perimeter(
                "full",
                FULL_CONFIG,
                FULL_CONFIG.replace(
                    "bigquery.googleapis.com\"]",
                    "bigquery.googleapis.com\", \"pubsub.googleapis.com\"]"))
            + "]",
        null
      },
      {"compliant", "[" + perimeter("gdc", compliantConfig()) + "]", null},
      {
        "every field in status, no explicit spec", "[" + perimeter("full", everyField()) + "]", null
      },
      {
        "staged in spec, not enforced",
        dev.vpcscaudit.report.ReportGoldenTest.stagedNotEnforced(),
        null
      },
      {
        "two dry-run-only perimeters hold the project",
        "["
            + perimeter("staged_a", null, config("[]", null))
            + ", "
            + perimeter("staged_b", null, compliantConfig())
            + "]",
        null
      },
    };
    for (String[] c : cases) {
      for (Stage stage : Stage.values()) {
        out.add(Arguments.of(c[0], c[1], c[2], stage));
      }
    }
    return out.stream();
  }

  static AuditResult audit(List<ServicePerimeter> perimeters) {
    return AuditEngine.audit(new ProjectRef(null, PROJECT), perimeters, Fixtures.gdc(), "file");
  }

  static FixPlan plan(List<ServicePerimeter> input, String target, Stage stage) {
    return Planner.plan(
        new ProjectRef(null, PROJECT),
        input,
        Fixtures.gdc(),
        stage,
        target,
        "vpcsc-audit audit --project " + PROJECT);
  }

  /**
   * After applying {@code plan}, no finding remains in the staged mode, except findings that the
   * plan's header lists with their reason and step.
   */
  static void assertClosed(List<ServicePerimeter> after, FixPlan plan, Stage stage, String what) {
    List<Finding> findings =
        audit(after).findings().stream()
            .filter(f -> stage == Stage.ENFORCE || f.mode() == Mode.DRY_RUN)
            .filter(f -> !listed(plan, f))
            .toList();
    assertThat(findings).as(what).isEmpty();
  }

  private static boolean listed(FixPlan plan, Finding f) {
    return plan.unfixed().stream()
        .map(Planner.Unfixed::finding)
        .anyMatch(
            u ->
                u.rule() == f.rule()
                    && u.mode() == f.mode()
                    && java.util.Objects.equals(u.perimeter(), f.perimeter())
                    && java.util.Objects.equals(u.service(), f.service()));
  }

  /**
   * True when the gcloud form refuses the plan because gcloud's copy of status into a new spec
   * would lose a field; then the refusal names the field and points to the Terraform form, and the
   * Terraform form of the same plan must work (checked by the Terraform test).
   */
  static boolean refusedByGcloudForm(FixPlan plan) {
    try {
      GcloudRenderer.render(plan);
      return false;
    } catch (dev.vpcscaudit.error.BadInputException e) {
      assertThat(e.getMessage())
          .contains("vpcAccessibleServices.allowedServicePatterns", "use --as terraform");
      assertThat(plan.stage()).isEqualTo(Stage.DRY_RUN);
      return true;
    }
  }

  /** Everything {@code before} had is still in {@code after}, in both views. */
  public static void assertLossless(List<ServicePerimeter> before, List<ServicePerimeter> after) {
    Map<String, ServicePerimeter> byName = new java.util.HashMap<>();
    after.forEach(p -> byName.put(p.name(), p));
    for (ServicePerimeter b : before) {
      ServicePerimeter a = byName.get(b.name());
      assertThat(a).as(b.name()).isNotNull();
      assertThat(a.type()).isEqualTo(b.type());
      assertThat(a.title()).isEqualTo(b.title());
      assertThat(a.description()).isEqualTo(b.description());
      assertContains(b.enforcedConfig(), a.enforcedConfig(), b.name() + " status");
      assertContains(b.dryRunConfig(), a.dryRunConfig(), b.name() + " dry-run view");
    }
  }

  static void assertContains(PerimeterConfig was, PerimeterConfig now, String what) {
    assertThat(now.resources()).as(what).containsAll(was.resources());
    assertThat(now.accessLevels()).as(what).containsAll(was.accessLevels());
    assertThat(now.restrictedServices()).as(what).containsAll(was.restrictedServices());
    assertThat(now.vpcOrDefault().allowedServices())
        .as(what)
        .containsAll(was.vpcOrDefault().allowedServices());
    assertThat(now.vpcOrDefault().allowedServicePatterns())
        .as(what)
        .containsAll(was.vpcOrDefault().allowedServicePatterns());
    assertThat(now.vpcOrDefault().servicePatternsEnforcementScopes())
        .as(what)
        .containsAll(was.vpcOrDefault().servicePatternsEnforcementScopes());
    if (was.vpcOrDefault().enableRestriction()) {
      assertThat(now.vpcOrDefault().enableRestriction()).as(what).isTrue();
    }
    assertThat(now.ingressPolicies()).as(what).containsAll(was.ingressPolicies());
    assertThat(now.egressPolicies()).as(what).containsAll(was.egressPolicies());
  }

  @ParameterizedTest(name = "gcloud, {0}, {3}")
  @MethodSource("scenarios")
  void gcloudPlanClosesAndKeepsEverything(String name, String json, String target, Stage stage)
      throws Exception {
    List<ServicePerimeter> input = Fixtures.perimeters(json);
    FixPlan plan = plan(input, target, stage);
    if (refusedByGcloudForm(plan)) {
      return;
    }

    GcloudStub.Run run = GcloudStub.run(GcloudRenderer.render(plan), dir, input);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.invocations())
        .allSatisfy(argv -> assertThat(argv).anyMatch(a -> a.startsWith("--policy=")));
    List<ServicePerimeter> after = GcloudModel.apply(input, run.invocations());
    assertClosed(after, plan, stage, name);
    assertLossless(input, after);
    // The planner's own view of the result agrees with gcloud's.
    for (PerimeterChange c : plan.perimeters()) {
      ServicePerimeter applied =
          after.stream().filter(p -> p.name().equals(c.before().name())).findFirst().orElseThrow();
      assertThat(applied.enforcedConfig()).isEqualTo(c.after().enforcedConfig());
      assertThat(applied.dryRunConfig()).isEqualTo(c.after().dryRunConfig());
    }
    if (stage == Stage.DRY_RUN) {
      // Staging never touches the enforced config.
      assertThat(run.invocations())
          .allSatisfy(argv -> assertThat(argv.get(2)).isEqualTo("dry-run"));
    }
  }

  @ParameterizedTest(name = "terraform, {0}, {3}")
  @MethodSource("scenarios")
  void terraformPlanClosesAndKeepsEverything(String name, String json, String target, Stage stage)
      throws Exception {
    List<ServicePerimeter> input = Fixtures.perimeters(json);
    FixPlan plan = plan(input, target, stage);

    String hcl = TerraformRenderer.render(plan);
    dev.vpcscaudit.testing.TerraformFmt.assertCanonical(hcl, name + ", " + stage.label());
    HclModel.Parsed parsed = HclModel.parse(hcl);

    assertThat(parsed.resources()).hasSize(plan.perimeters().size());
    assertThat(parsed.imports().values())
        .containsExactlyInAnyOrderElementsOf(
            plan.perimeters().stream().map(c -> c.before().name()).toList());
    List<ServicePerimeter> after = new ArrayList<>();
    for (ServicePerimeter p : input) {
      ServicePerimeter declared =
          parsed.resources().values().stream()
              .filter(r -> r.name().equals(p.name()))
              .findFirst()
              .orElse(null);
      after.add(declared == null ? p : declared);
      if (declared != null) {
        String address =
            parsed.imports().entrySet().stream()
                .filter(e -> e.getValue().equals(p.name()))
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(parsed.resources()).containsKey(address.substring(address.indexOf('.') + 1));
        if (stage == Stage.DRY_RUN) {
          assertThat(declared.enforcedConfig())
              .as("status unchanged when staging")
              .isEqualTo(p.enforcedConfig());
        }
      }
    }
    assertClosed(after, plan, stage, name);
    assertLossless(input, after);
  }
}
