package dev.vpcscaudit.plan;

import static dev.vpcscaudit.testing.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.codec.PerimeterJsonWriter;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.FakeGcp;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.RealGcloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan fixture, both stages, run by bash with the real gcloud against the loopback fake of
 * Access Context Manager: gcloud must accept every command, the fake's state afterwards must pass
 * the audit in the staged mode (closure) and keep everything it had (lossless).
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class RealGcloudPlanTest {

  /** The fake, loaded with {@code perimeters} grouped by policy (etags added where absent). */
  static FakeGcp load(List<ServicePerimeter> perimeters) {
    return load(perimeters, FakeGcp.EtagScope.PERIMETER);
  }

  /** As {@link #load(List)}, with etags scoped as {@code scope} says. */
  static FakeGcp load(List<ServicePerimeter> perimeters, FakeGcp.EtagScope scope) {
    FakeGcp fake = new FakeGcp().etagScope(scope);
    Map<String, List<ServicePerimeter>> byPolicy = new LinkedHashMap<>();
    perimeters.forEach(p -> byPolicy.computeIfAbsent(p.policy(), k -> new ArrayList<>()).add(p));
    byPolicy.forEach(
        (policy, list) -> {
          fake.policy("organizations/9000", policy, null);
          fake.perimeters(policy, PerimeterJsonWriter.write(list));
        });
    return fake;
  }

  /** Every perimeter the fake holds now, read back with the project's own reader. */
  static List<ServicePerimeter> state(FakeGcp fake, List<ServicePerimeter> before) {
    List<ServicePerimeter> out = new ArrayList<>();
    for (String policy : before.stream().map(ServicePerimeter::policy).distinct().toList()) {
      String json = fake.perimetersJson(policy);
      out.addAll(
          PerimeterJsonReader.readPerimeters(PerimeterJsonReader.parseTree(json, "fake"), "fake"));
    }
    return out;
  }

  /** Every scenario of {@link PlanClosureTest}, under each etag scope. */
  static Stream<Arguments> scenariosInBothScopes() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (Arguments a : PlanClosureTest.scenarios().toList()) {
      for (FakeGcp.EtagScope scope : FakeGcp.EtagScope.values()) {
        Object[] args = java.util.Arrays.copyOf(a.get(), a.get().length + 1);
        args[args.length - 1] = scope;
        out.add(Arguments.of(args));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "real gcloud, {0}, {3}, etags per {4}")
  @MethodSource("scenariosInBothScopes")
  void realGcloudAppliesEveryPlan(
      String name,
      String json,
      String target,
      Stage stage,
      FakeGcp.EtagScope scope,
      @TempDir Path dir) {
    try (FakeGcp fake = load(Fixtures.perimeters(json), scope)) {
      // Planned from what a live read returns (etags included), as users do.
      List<ServicePerimeter> input = state(fake, Fixtures.perimeters(json));
      FixPlan plan = PlanClosureTest.plan(input, target, stage);
      if (PlanClosureTest.refusedByGcloudForm(plan)) {
        return;
      }
      Processes.Result run = RealGcloud.runScript(GcloudRenderer.render(plan), fake, dir);

      assertThat(run.code()).as("%s%n%s", run.err(), GcloudRenderer.render(plan)).isZero();
      List<ServicePerimeter> after = state(fake, input);
      PlanClosureTest.assertClosed(after, plan, stage, name);
      PlanClosureTest.assertLossless(input, after);
      if (stage == Stage.DRY_RUN) {
        for (ServicePerimeter p : input) {
          ServicePerimeter now =
              after.stream().filter(a -> a.name().equals(p.name())).findFirst().orElseThrow();
          assertThat(now.enforcedConfig())
              .as("status unchanged when staging")
              .isEqualTo(p.enforcedConfig());
        }
      }
      assertThat(fake.writes()).hasSizeLessThanOrEqualTo(2 * plan.perimeters().size());
    }
  }

  @ParameterizedTest(name = "stale etag on perimeter {0} of the two-policy plan")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
  void aStaleEtagOnAnyTouchedPerimeterWritesNothing(int stale, @TempDir Path dir) throws Exception {
    String twoPolicies =
        PlanClosureTest.scenarios()
            .filter(a -> a.get()[0].equals("two policies"))
            .findFirst()
            .orElseThrow()
            .get()[1]
            .toString();
    try (FakeGcp fake = load(Fixtures.perimeters(twoPolicies))) {
      List<ServicePerimeter> input = state(fake, Fixtures.perimeters(twoPolicies));
      FixPlan plan = PlanClosureTest.plan(input, null, Stage.ENFORCE);
      assertThat(plan.perimeters()).hasSize(2);
      String touched = plan.perimeters().get(stale).before().name();
      fake.touch(touched);
      String before =
          fake.perimetersJson("accessPolicies/111") + fake.perimetersJson("accessPolicies/222");

      Processes.Result run = RealGcloud.runScript(GcloudRenderer.render(plan), fake, dir);

      assertThat(run.code()).isNotZero();
      assertThat(run.err()).contains("changed since it was read", "nothing was changed");
      assertThat(fake.writes()).isEmpty();
      assertThat(
              fake.perimetersJson("accessPolicies/111") + fake.perimetersJson("accessPolicies/222"))
          .isEqualTo(before);
    }
  }

  @org.junit.jupiter.api.Test
  void gcloudsOwnListingIsReadByAuditFromFile(@TempDir Path dir) throws Exception {
    String sample = Files.readString(Fixtures.repoRoot().resolve("samples/gdc-perimeters.json"));
    try (FakeGcp fake = new FakeGcp()) {
      fake.policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters("accessPolicies/587139914682", sample);
      Processes.Result list =
          RealGcloud.run(
              List.of(
                  "gcloud",
                  "access-context-manager",
                  "perimeters",
                  "list",
                  "--policy=587139914682",
                  "--format=json"),
              fake,
              dir);
      assertThat(list.code()).as(list.err()).isZero();
      Path exported = dir.resolve("gcloud-list.json");
      Files.writeString(exported, list.out());

      dev.vpcscaudit.testing.Cli.Result viaGcloud =
          dev.vpcscaudit.testing.Cli.run(
              "audit",
              "--project",
              PROJECT,
              "--from-file",
              exported.toString(),
              "--format",
              "json");
      dev.vpcscaudit.testing.Cli.Result direct =
          dev.vpcscaudit.testing.Cli.run(
              "audit",
              "--project",
              PROJECT,
              "--from-file",
              Fixtures.repoRoot().resolve("samples/gdc-perimeters.json").toString(),
              "--format",
              "json");
      assertThat(viaGcloud.code()).as(viaGcloud.err()).isEqualTo(direct.code());
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      assertThat(json.readTree(viaGcloud.out()).get("findings"))
          .isEqualTo(json.readTree(direct.out()).get("findings"));
    }
  }
}
