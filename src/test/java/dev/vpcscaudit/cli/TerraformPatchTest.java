package dev.vpcscaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.testing.Cli;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.HclModel;
import dev.vpcscaudit.testing.Processes;
import dev.vpcscaudit.testing.TerraformFmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --as terraform --terraform-dir DIR}: a patch to the team's own Terraform. For each
 * case of the corpus ({@code src/test/resources/tfpatch}, each a folder of Terraform and a
 * perimeter export of the same state): the real {@code git apply --check} accepts the diff, the
 * patched tree passes the real {@code terraform fmt -check}, every changed line only adds, and the
 * patched files, read back, hold the audited perimeter plus the plan's additions, whose audit is
 * clean in the staged mode.
 */
class TerraformPatchTest {

  static final Path CORPUS = Fixtures.repoRoot().resolve("src/test/resources/tfpatch");
  static final ProjectRef PROJECT = new ProjectRef(null, Fixtures.PROJECT);

  @TempDir Path dir;

  /**
   * A copy of corpus case {@code name}, its Terraform only, with the local stand-ins of the modules
   * ({@code _modules}, shared by the cases) under its {@code modules/}.
   */
  Path copy(String name) throws Exception {
    Path to = dir.resolve(name);
    copyTree(CORPUS.resolve(name), to);
    copyTree(CORPUS.resolve("_modules"), to.resolve("modules"));
    return to;
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        if (p.getFileName().toString().equals("perimeters.json")) {
          continue;
        }
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** The patch of case {@code name} at {@code stage}; the diff is written beside the copy. */
  record Patched(Cli.Result run, Path tree, String diff) {}

  Patched patch(String name, String stage, String... more) throws Exception {
    Path tree = copy(name);
    Path diff = dir.resolve(name + "-" + stage + ".diff");
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--project",
                Fixtures.PROJECT,
                "--from-file",
                CORPUS.resolve(name).resolve("perimeters.json").toString(),
                "--as",
                "terraform",
                "--stage",
                stage,
                "--terraform-dir",
                tree.toString(),
                "--output",
                diff.toString()));
    args.addAll(List.of(more));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    return new Patched(r, tree, Files.exists(diff) ? Files.readString(diff) : "");
  }

  /** The real git applies the diff in the tree (checked first); the tree then passes fmt. */
  static void apply(Patched p) throws Exception {
    Path file = p.tree().resolveSibling(p.tree().getFileName() + ".patch");
    Files.writeString(file, p.diff());
    for (List<String> cmd :
        List.of(
            List.of("git", "apply", "--check", "--verbose", file.toString()),
            List.of("git", "apply", file.toString()))) {
      Processes.Result r =
          Processes.run(
              new ProcessBuilder(cmd).directory(p.tree().toFile()), Duration.ofSeconds(60));
      assertThat(r.code()).as(String.join(" ", cmd) + "\n" + p.diff() + r.err()).isZero();
    }
    boolean resources = false;
    try (Stream<Path> walk = Files.walk(p.tree())) {
      for (Path tf : walk.filter(f -> f.toString().endsWith(".tf")).toList()) {
        TerraformFmt.assertCanonical(tf, "patched " + tf);
        resources |= Files.readString(tf).contains("\nresource \"");
      }
    }
    if (!resources) {
      validate(p.tree());
    } else {
      // Resources: the real terraform validate against the google provider's stand-in.
      Processes.Result r = dev.vpcscaudit.testing.ProviderStandIn.validate(p.tree());
      assertThat(r.code()).as("terraform validate\n" + r.out() + r.err()).isZero();
    }
  }

  /**
   * The real {@code terraform validate} of a tree of module calls against its local modules (no
   * provider is needed, and no registry is reached): every input exists and has its type.
   */
  static void validate(Path tree) throws Exception {
    for (List<String> cmd :
        List.of(
            List.of("terraform", "init", "-backend=false", "-input=false", "-no-color"),
            List.of("terraform", "validate", "-no-color"))) {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(tree.toFile());
      pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
      pb.environment().put("CHECKPOINT_DISABLE", "1");
      Processes.Result r = Processes.run(pb, Duration.ofSeconds(120));
      assertThat(r.code()).as(String.join(" ", cmd) + "\n" + r.out() + r.err()).isZero();
    }
  }

  /**
   * Every changed line only adds: a removed line comes back with the same text around its list,
   * holding every string it held.
   */
  static void onlyAdds(String diff) {
    List<String> lines = diff.lines().toList();
    Pattern quoted = Pattern.compile("\"[^\"]*\"");
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("-") || l.startsWith("---")) {
        continue;
      }
      String added =
          lines.subList(i + 1, lines.size()).stream()
              .filter(m -> m.startsWith("+") && !m.startsWith("+++"))
              .findFirst()
              .orElseThrow();
      List<String> before = new ArrayList<>();
      Matcher m = quoted.matcher(l);
      while (m.find()) {
        before.add(m.group());
      }
      List<String> after = new ArrayList<>();
      m = quoted.matcher(added);
      while (m.find()) {
        after.add(m.group());
      }
      assertThat(after).as(l + " -> " + added).containsAll(before);
      assertThat(added.substring(1, added.indexOf('[') < 0 ? added.length() : added.indexOf('[')))
          .as(l + " -> " + added)
          .isEqualTo(l.substring(1, l.indexOf('[') < 0 ? l.length() : l.indexOf('[')));
    }
  }

  /** The perimeter of corpus case {@code name}'s export, as it was read. */
  static ServicePerimeter corpusPerimeter(String name) throws Exception {
    return Fixtures.perimeters(Files.readString(CORPUS.resolve(name).resolve("perimeters.json")))
        .get(0);
  }

  /** The one perimeter resource {@code file} declares, read back through the model. */
  static ServicePerimeter declared(Path file) throws Exception {
    return HclModel.parse(Files.readString(file)).resources().values().iterator().next();
  }

  /** {@code file} as hcl4j reads it. */
  static Map<String, Object> hcl(Path file) throws Exception {
    return new HCLParser().parse(Files.readString(file));
  }

  /** The findings of {@code perimeters}' audit in {@code mode}. */
  static List<Finding> findings(List<ServicePerimeter> perimeters, Mode mode) {
    AuditResult r = AuditEngine.audit(PROJECT, perimeters, Fixtures.gdc(), "file");
    return r.findings().stream().filter(f -> f.mode() == mode).toList();
  }

  @Test
  void aResourceWithSortedListsGetsTheServicesInPlaceAndIsClean() throws Exception {
    Patched p = patch("resource", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains(
            "accessPolicies/111/servicePerimeters/gdc (main.tf:2): status.restricted_services += ")
        .doesNotContain("NOT WRITTEN");
    onlyAdds(p.diff());
    assertThat(p.diff().lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).isEmpty();
    apply(p);

    ServicePerimeter after = declared(p.tree().resolve("main.tf"));
    List<String> services = after.enforcedConfig().restrictedServices();
    assertThat(services).isSorted().containsAll(Fixtures.gdc().requiredServices());
    ServicePerimeter before = corpusPerimeter("resource");
    dev.vpcscaudit.plan.PlanClosureTest.assertLossless(List.of(before), List.of(after));
    assertThat(findings(List.of(after), Mode.ENFORCED)).isEmpty();
  }

  @Test
  void withoutAnExplicitSpecTheDryRunStageWritesTheWholeSpecBlock() throws Exception {
    Patched p = patch("resource", "dry-run");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff()).contains("+  use_explicit_dry_run_spec = true").contains("+  spec {");
    onlyAdds(p.diff());
    assertThat(p.diff().lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).isEmpty();
    apply(p);
    ServicePerimeter after = declared(p.tree().resolve("main.tf"));
    ServicePerimeter before = corpusPerimeter("resource");
    assertThat(after.useExplicitDryRunSpec()).isTrue();
    assertThat(after.enforcedConfig()).isEqualTo(before.enforcedConfig());
    dev.vpcscaudit.plan.PlanClosureTest.assertLossless(List.of(before), List.of(after));
    assertThat(findings(List.of(after), Mode.DRY_RUN)).isEmpty();
  }

  @Test
  void aModuleWithoutDryRunInputsGetsThemWhole() throws Exception {
    Patched p = patch("tfvars", "dry-run");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains("+  restricted_services_dry_run")
        .contains("+  resources_dry_run");
    onlyAdds(p.diff());
    apply(p);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFabricEntryWithoutASpecGetsTheWholeSpecObject() throws Exception {
    Patched p = patch("fabric", "dry-run");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    onlyAdds(p.diff());
    apply(p);
    Object gdc =
        at(
            hcl(p.tree().resolve("main.tf")),
            "module",
            "vpc-sc",
            "service_perimeters_regular",
            "gdc");
    assertThat(at(gdc, "use_explicit_dry_run_spec")).isEqualTo(true);
    assertThat((List<String>) at(gdc, "spec", "restricted_services"))
        .containsAll(Fixtures.gdc().requiredServices());
    assertThat((List<String>) at(gdc, "status", "restricted_services")).hasSize(4);
  }

  /** The module call's inputs as a perimeter, read back with an HCL parser. */
  @SuppressWarnings("unchecked")
  static ServicePerimeter moduleState(Path file) throws Exception {
    Map<String, Object> root = hcl(file);
    Map<String, Object> module =
        ((Map<String, Map<String, Object>>) root.get("module")).values().iterator().next();
    String json =
        "{\"name\": \"accessPolicies/"
            + module.get("policy")
            + "/servicePerimeters/"
            + module.get("perimeter_name")
            + "\", \"status\": "
            + config(module, "")
            + ", \"spec\": "
            + config(module, "_dry_run")
            + ", \"useExplicitDryRunSpec\": true}";
    return Fixtures.perimeters("[" + json + "]").get(0);
  }

  @SuppressWarnings("unchecked")
  static String config(Map<String, Object> module, String sfx) {
    List<String> vpc =
        (List<String>) module.getOrDefault("vpc_accessible_services" + sfx, List.of("*"));
    return "{\"resources\": "
        + Fixtures.jsonList((List<String>) module.get("resources" + sfx))
        + ", \"restrictedServices\": "
        + Fixtures.jsonList((List<String>) module.get("restricted_services" + sfx))
        + (vpc.contains("*")
            ? ""
            : ", \"vpcAccessibleServices\": {\"enableRestriction\": true, \"allowedServices\": "
                + Fixtures.jsonList(vpc)
                + "}")
        + "}";
  }

  @Test
  void aModuleCallGetsTheDryRunServicesAppendedInItsOwnOrder() throws Exception {
    Patched p = patch("module", "dry-run");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    onlyAdds(p.diff());
    apply(p);
    ServicePerimeter after = moduleState(p.tree().resolve("prod.tf"));
    assertThat(after.dryRunConfig().restrictedServices())
        .startsWith("storage.googleapis.com", "compute.googleapis.com", "logging.googleapis.com")
        .containsAll(Fixtures.gdc().requiredServices());
    assertThat(after.enforcedConfig().restrictedServices())
        .containsExactly("storage.googleapis.com", "compute.googleapis.com");
    assertThat(findings(List.of(after), Mode.DRY_RUN)).isEmpty();
  }

  @Test
  void aModuleCallAtTheEnforceStageGetsBothConfigs() throws Exception {
    Patched p = patch("module", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    onlyAdds(p.diff());
    apply(p);
    ServicePerimeter after = moduleState(p.tree().resolve("prod.tf"));
    assertThat(after.enforcedConfig().restrictedServices())
        .startsWith("storage.googleapis.com", "compute.googleapis.com");
    assertThat(findings(List.of(after), Mode.ENFORCED)).isEmpty();
    assertThat(findings(List.of(after), Mode.DRY_RUN)).isEmpty();
  }

  @Test
  void membershipFollowsTheTeamsResourcesAndAVariablesDefaultIsWhereServicesGo() throws Exception {
    Patched p = patch("members", "enforce", "--target-perimeter", "gdc");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains("status.restricted_services (var.services, written in main.tf:4) += ")
        .contains(
            "+resource \"google_access_context_manager_service_perimeter_resource\""
                + " \"gdc_123456789012\" {")
        .contains("+  perimeter_name = google_access_context_manager_service_perimeter.gdc.name")
        .contains("+  resource       = \"projects/" + Fixtures.PROJECT + "\"");
    onlyAdds(p.diff());
    apply(p);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> variables =
        (Map<String, Map<String, Object>>) hcl(p.tree().resolve("main.tf")).get("variable");
    @SuppressWarnings("unchecked")
    List<String> services = (List<String>) variables.get("services").get("default");
    assertThat(services)
        .startsWith("compute.googleapis.com")
        .containsAll(Fixtures.gdc().requiredServices());
  }

  @Test
  void aTfvarsValueIsEditedWhereItIsWritten() throws Exception {
    Patched p = patch("tfvars", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains("restricted_services (var.restricted_services, written in terraform.tfvars:3)")
        .contains("+++ b/terraform.tfvars")
        .doesNotContain("+++ b/main.tf");
    onlyAdds(p.diff());
    apply(p);
    @SuppressWarnings("unchecked")
    List<String> services =
        (List<String>) hcl(p.tree().resolve("terraform.tfvars")).get("restricted_services");
    assertThat(services)
        .startsWith("storage.googleapis.com", "compute.googleapis.com")
        .containsAll(Fixtures.gdc().requiredServices());
  }

  @Test
  void aComputedListIsNamedWithItsLineAndTheRestIsWritten() throws Exception {
    Patched p = patch("computed", "enforce");

    assertThat(p.run().code()).isEqualTo(1);
    assertThat(p.run().err())
        .contains(
            "main.tf:13: status.restricted_services is computed ([for s in local.base : s]), so"
                + " the patch cannot write it safely; add \"artifactregistry.googleapis.com\"");
    assertThat(p.diff()).contains("NOT WRITTEN (edit by hand):").doesNotContain("diff --git");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAuthoritativeResourceGetsTheChangeInThatPerimetersBlockOnly() throws Exception {
    Patched p = patch("perimeters", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    onlyAdds(p.diff());
    apply(p);
    Map<String, Object> root = hcl(p.tree().resolve("main.tf"));
    Map<String, Object> all =
        ((Map<String, Map<String, Map<String, Object>>>) root.get("resource"))
            .get("google_access_context_manager_service_perimeters")
            .get("all");
    List<Map<String, Object>> blocks = (List<Map<String, Object>>) all.get("service_perimeters");
    Map<String, List<String>> services = new java.util.HashMap<>();
    for (Map<String, Object> b : blocks) {
      Object status = b.get("status");
      Map<String, Object> st =
          (Map<String, Object>) (status instanceof List<?> l ? l.get(0) : status);
      services.put((String) b.get("title"), (List<String>) st.get("restricted_services"));
    }
    assertThat(services.get("gdc")).containsAll(Fixtures.gdc().requiredServices()).isSorted();
    assertThat(services.get("lab")).containsExactly("storage.googleapis.com");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFabricVpcScEntryGetsTheServicesInItsObject() throws Exception {
    Patched p = patch("fabric", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff()).contains("(main.tf:6): status.restricted_services += ");
    onlyAdds(p.diff());
    apply(p);
    Map<String, Object> root = hcl(p.tree().resolve("main.tf"));
    Map<String, Object> module =
        ((Map<String, Map<String, Object>>) root.get("module")).get("vpc-sc");
    Map<String, Object> gdc =
        (Map<String, Object>)
            ((Map<String, Object>) module.get("service_perimeters_regular")).get("gdc");
    List<String> services =
        (List<String>) ((Map<String, Object>) gdc.get("status")).get("restricted_services");
    assertThat(services).containsAll(Fixtures.gdc().requiredServices()).isSorted();
  }

  /**
   * In Japanese the header, the summary, what the patch could not write and the adopted file's
   * comment are Japanese (pinned by golden files); the Terraform it writes is the same.
   */
  @Test
  void inJapaneseThePatchSpeaksJapaneseAndWritesTheSameTerraform() throws Exception {
    for (String name : List.of("computed", "unmanaged", "members")) {
      Patched ja = patch(name, "enforce", "--target-perimeter", "gdc", "--lang", "ja");
      Files.move(dir.resolve(name), dir.resolve(name + "-ja"));
      Patched en = patch(name, "enforce", "--target-perimeter", "gdc");

      assertThat(ja.run().code()).as(name).isEqualTo(en.run().code());
      dev.vpcscaudit.testing.Golden.assertMatches(
          ja.diff().replace(en.tree().toString(), "TREE"), "patch/" + name + "-enforce.ja.diff");
      assertThat(code(ja.diff())).as(name).isEqualTo(code(en.diff()));
      assertThat(ja.run().err()).as(name).doesNotContain("wrote").containsPattern("[ぁ-んァ-ヶ]");
    }
  }

  /** A diff's lines but its header, hunk headers and comments (the parts in the language). */
  private static List<String> code(String diff) {
    int start = diff.indexOf("diff --git");
    return (start < 0 ? "" : diff.substring(start))
        .lines()
        .filter(l -> !l.startsWith("@@") && !l.matches("^[+ -]\\s*#.*"))
        .toList();
  }

  @Test
  void aPerimeterNoFileManagesIsAdoptedInANewFileThatSaysWhy() throws Exception {
    Patched p = patch("unmanaged", "enforce");

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains("managed by no file; adopted in the new file vpcsc-audit-adopt-gdc.tf")
        .contains("+++ b/vpcsc-audit-adopt-gdc.tf");
    apply(p);
    String adopted = Files.readString(p.tree().resolve("vpcsc-audit-adopt-gdc.tf"));
    assertThat(adopted).startsWith("# No file under the --terraform-dir manages");
    ServicePerimeter after = declared(p.tree().resolve("vpcsc-audit-adopt-gdc.tf"));
    assertThat(findings(List.of(after), Mode.ENFORCED)).isEmpty();
  }

  @Test
  void severalFoldersArePatchedWithPathsRelativeToTheirCommonFolder() throws Exception {
    Path a = copy("resource");
    Path b = copy("unmanaged");
    Path diff = dir.resolve("two.diff");
    Cli.Result r =
        Cli.run(
            "plan",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            CORPUS.resolve("resource/perimeters.json").toString(),
            "--as",
            "terraform",
            "--stage",
            "enforce",
            "--terraform-dir",
            a.toString(),
            "--terraform-dir",
            b.toString(),
            "-o",
            diff.toString());

    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(diff);
    assertThat(text).contains("+++ b/resource/main.tf").doesNotContain("adopt");
    apply(new Patched(r, dir, text));
  }

  /**
   * Every case of the corpus at both stages: the run writes a diff (exit 0) or names each change it
   * could not write with its file and line (exit 1); what it writes only adds, applies with the
   * real git and leaves the tree as terraform fmt (and, for module calls, validate) wants it.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "resource, dry-run", "resource, enforce",
    "perimeters, dry-run", "perimeters, enforce",
    "module, dry-run", "module, enforce",
    "tfvars, dry-run", "tfvars, enforce",
    "members, dry-run", "members, enforce",
    "computed, dry-run", "computed, enforce",
    "fabric, dry-run", "fabric, enforce",
    "unmanaged, dry-run", "unmanaged, enforce"
  })
  void everyCaseAtBothStages(String name, String stage) throws Exception {
    Patched p = patch(name, stage, "--target-perimeter", "gdc");

    assertThat(p.run().code()).as(p.run().err()).isIn(0, 1);
    if (p.run().code() == 1) {
      String header = p.diff().substring(0, p.diff().indexOf("\n\n"));
      assertThat(header).contains("NOT WRITTEN");
      assertThat(header.substring(header.indexOf("NOT WRITTEN")).lines().skip(1))
          .allSatisfy(l -> assertThat(l).matches("  [^ :]+\\.tf(vars)?:[0-9]+: .*"));
    }
    onlyAdds(p.diff());
    if (p.diff().contains("diff --git")) {
      apply(p);
    }
  }

  @Test
  void anEnforcePlanHeldBackByTheLogsWritesNothingForThatPerimeter() throws Exception {
    String logs =
        LiveViolationsTest.recent()
            .toString()
            .replace(
                "accessPolicies/587139914682/servicePerimeters/gdc_prod",
                "accessPolicies/111/servicePerimeters/gdc");
    Path saved = Files.writeString(dir.resolve("violations.json"), logs);

    Patched p = patch("resource", "enforce", "--violations-file", saved.toString());

    assertThat(p.run().code()).as(p.run().err()).isZero();
    assertThat(p.diff())
        .contains("HELD BACK: accessPolicies/111/servicePerimeters/gdc (not written)")
        .contains("Its dry-run config denied 4 requests in --violations-file ")
        .contains("status restricted_services [")
        .doesNotContain("diff --git");
  }

  /** The first value of {@code key} down {@code path} in hcl4j's map of a file. */
  @SuppressWarnings("unchecked")
  static Object at(Object node, String... path) {
    Object at = node;
    for (String key : path) {
      if (at instanceof List<?> l) {
        at = l.get(0);
      }
      at = ((Map<String, Object>) at).get(key);
    }
    return at;
  }

  @Test
  @SuppressWarnings("unchecked")
  void atTheDryRunStageEveryOtherShapeReadsBackWithTheWholeSpec() throws Exception {
    List<String> required = Fixtures.gdc().requiredServices();

    Patched unmanaged = patch("unmanaged", "dry-run");
    assertThat(unmanaged.run().code()).as(unmanaged.run().err()).isZero();
    apply(unmanaged);
    ServicePerimeter adopted = declared(unmanaged.tree().resolve("vpcsc-audit-adopt-gdc.tf"));
    assertThat(findings(List.of(adopted), Mode.DRY_RUN)).isEmpty();

    Patched perimeters = patch("perimeters", "dry-run");
    assertThat(perimeters.run().code()).as(perimeters.run().err()).isZero();
    apply(perimeters);
    Object all =
        at(
            hcl(perimeters.tree().resolve("main.tf")),
            "resource",
            "google_access_context_manager_service_perimeters",
            "all");
    Map<String, Object> gdc =
        ((List<Map<String, Object>>) at(all, "service_perimeters"))
            .stream().filter(b -> "gdc".equals(b.get("title"))).findFirst().orElseThrow();
    assertThat(gdc.get("use_explicit_dry_run_spec")).isEqualTo(true);
    assertThat((List<String>) at(gdc, "spec", "restricted_services")).containsAll(required);
    assertThat((List<String>) at(gdc, "status", "restricted_services"))
        .containsExactly("compute.googleapis.com", "storage.googleapis.com");

    Patched tfvars = patch("tfvars", "dry-run");
    assertThat(tfvars.run().code()).as(tfvars.run().err()).isZero();
    apply(tfvars);
    Object module = at(hcl(tfvars.tree().resolve("main.tf")), "module", "gdc_perimeter");
    assertThat((List<String>) at(module, "restricted_services_dry_run")).containsAll(required);
    assertThat((List<String>) at(module, "resources_dry_run"))
        .containsExactly("projects/" + Fixtures.PROJECT);

    Patched members = patch("members", "dry-run", "--target-perimeter", "gdc");
    assertThat(members.run().code()).as(members.run().err()).isZero();
    apply(members);
    Object resource =
        at(
            hcl(members.tree().resolve("main.tf")),
            "resource",
            "google_access_context_manager_service_perimeter",
            "gdc");
    assertThat((List<String>) at(resource, "spec", "restricted_services")).containsAll(required);
    assertThat((List<String>) at(resource, "spec", "resources"))
        .contains("projects/" + Fixtures.PROJECT, "projects/999999999999");
  }

  @Test
  void theValidationOfModuleCallsCanFail() throws Exception {
    Path tree = copy("module");
    Path prod = tree.resolve("prod.tf");
    Files.writeString(
        prod,
        Files.readString(prod).replace("perimeter_name = \"gdc\"", "perimeter_nam = \"gdc\""));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(tree))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("perimeter_nam");
  }

  @Test
  void theOptionNeedsTerraformAndAFolderWithTerraform() throws Exception {
    Cli.Result gcloud =
        Cli.run(
            "plan",
            "--project",
            Fixtures.PROJECT,
            "--from-file",
            CORPUS.resolve("resource/perimeters.json").toString(),
            "--as",
            "gcloud",
            "--terraform-dir",
            dir.toString());
    assertThat(gcloud.code()).isEqualTo(2);
    assertThat(gcloud.err()).contains("use it with --as terraform");

    Patched empty = patch("resource", "enforce", "--terraform-dir", dir.resolve("none").toString());
    assertThat(empty.run().code()).isEqualTo(2);
  }
}
