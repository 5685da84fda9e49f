package dev.vpcscaudit.plan.tfpatch;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.plan.ConfigChange;
import dev.vpcscaudit.plan.FixPlan;
import dev.vpcscaudit.plan.PerimeterChange;
import dev.vpcscaudit.plan.TerraformRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fix plan as a patch to the team's own Terraform ({@code plan --as terraform --terraform-dir
 * DIR}): for each perimeter the plan changes, the block under DIR that manages it, with what the
 * plan adds written into its literal lists in place, in the file's own style; a unified diff with
 * paths relative to DIR ({@code git apply}, {@code patch -p1}). It only ever adds lines or list
 * elements. The shapes it edits:
 *
 * <ul>
 *   <li>a {@code google_access_context_manager_service_perimeter} resource (by its {@code name}):
 *       {@code status} / {@code spec} lists {@code restricted_services}, {@code resources}, and
 *       {@code vpc_accessible_services { enable_restriction, allowed_services }};
 *   <li>a {@code module} call of terraform-google-modules' {@code regular_service_perimeter} (by
 *       {@code perimeter_name}): {@code restricted_services}, {@code resources}, {@code
 *       vpc_accessible_services} and their {@code _dry_run} twins;
 *   <li>membership through {@code google_access_context_manager_service_perimeter_resource} (or its
 *       {@code _dry_run_resource}) when the team already adds projects that way: one more such
 *       resource.
 * </ul>
 *
 * What it cannot write safely (a computed value, a missing dry-run spec, a "*" to replace) is named
 * with its file and line, the attribute and the exact elements; a perimeter that no file manages
 * gets the adopt-style file of {@link TerraformRenderer}, as a new file of the diff.
 */
public final class TerraformPatch {

  static final String PERIMETER = "google_access_context_manager_service_perimeter";
  static final String MEMBER = "google_access_context_manager_service_perimeter_resource";
  static final String DRY_RUN_MEMBER =
      "google_access_context_manager_service_perimeter_dry_run_resource";

  /** Terraform files larger than this are not read. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /**
   * The patch and what it could not edit.
   *
   * @param diff the unified diff, its header comment first
   * @param unedited one line per change it could not write (file:line, attribute, elements)
   */
  public record Result(String diff, List<String> unedited) {}

  /** One file under DIR. */
  private static final class TfFile {
    final String path;
    final HclText hcl;
    final List<Change> changes = new ArrayList<>();

    TfFile(String path, String text) {
      this.path = path;
      this.hcl = new HclText(text);
    }
  }

  /** Replace {@code start..end} of a file's text with {@code text}. */
  private record Change(int start, int end, String text) {}

  /** The shapes that manage a perimeter. */
  private enum Kind {
    /** A google_access_context_manager_service_perimeter resource. */
    RESOURCE,
    /** One service_perimeters block of the authoritative ..._service_perimeters resource. */
    NESTED,
    /** A terraform-google-modules regular_service_perimeter module call. */
    MODULE,
    /** An entry of Cloud Foundation Fabric's vpc-sc module's service_perimeters_regular. */
    FABRIC
  }

  /** Where a perimeter is managed: the block (or object) that holds its configs. */
  private record Manager(TfFile file, HclText.Block block, Kind kind) {
    boolean module() {
      return kind == Kind.MODULE;
    }
  }

  private final List<Path> dirs;

  /** What the diff's paths are relative to: the one folder, or the folders' common one. */
  private final Path base;

  private final List<TfFile> files = new ArrayList<>();
  private final List<String> unedited = new ArrayList<>();
  private final List<String> summary = new ArrayList<>();
  private final Map<String, String> newFiles = new TreeMap<>();
  private final List<PerimeterChange> held = new ArrayList<>();

  /** The language of the comments of the files the patch adds. */
  private dev.vpcscaudit.i18n.Messages messages = dev.vpcscaudit.i18n.Messages.EN;

  private TerraformPatch(List<Path> dirs) {
    this.dirs = dirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
    Path common = this.dirs.get(0);
    for (Path d : this.dirs) {
      while (common != null && !d.startsWith(common)) {
        common = common.getParent();
      }
    }
    this.base = common == null ? this.dirs.get(0).getRoot() : common;
  }

  /**
   * The patch of {@code plan} to the Terraform under {@code dirs}: paths relative to the one
   * folder, or to the folders' common folder.
   */
  public static Result patch(FixPlan plan, List<Path> dirs) {
    return patch(plan, dirs, dev.vpcscaudit.i18n.Messages.EN);
  }

  /**
   * As {@link #patch(FixPlan, List)}, the diff's header, summary and what it could not write in the
   * language of {@code m}; HCL and attribute names are code and never change.
   */
  public static Result patch(FixPlan plan, List<Path> dirs, dev.vpcscaudit.i18n.Messages m) {
    TerraformPatch p = new TerraformPatch(dirs);
    p.messages = m;
    p.read();
    for (PerimeterChange change : plan.perimeters()) {
      if (plan.held(change)) {
        // The audit logs hold it back: named in the header, never written.
        p.held.add(change);
        continue;
      }
      p.change(plan, change);
    }
    if (!plan.networkActions().isEmpty()) {
      p.network(plan);
    }
    return new Result(p.render(plan, m), List.copyOf(p.unedited));
  }

  private void read() {
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw BadInputException.at("--terraform-dir " + dir, Text.of("patch.dir-not-a-folder"));
      }
      int before = files.size();
      try (Stream<Path> walk = Files.walk(dir)) {
        List<Path> paths =
            walk.filter(Files::isRegularFile)
                .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tfvars"))
                .filter(f -> !dir.relativize(f).toString().contains(".terraform"))
                .sorted()
                .toList();
        for (Path f : paths) {
          if (seen.add(f)) {
            String rel = base.relativize(f).toString().replace('\\', '/');
            files.add(new TfFile(rel, InputFiles.readText(f, "--terraform-dir " + f, MAX_BYTES)));
          }
        }
      } catch (IOException e) {
        throw BadInputException.at(
            "--terraform-dir " + dir, Text.of("patch.dir-unreadable", e.getMessage()));
      }
      if (files.size() == before && seen.stream().noneMatch(f -> f.startsWith(dir))) {
        throw BadInputException.at("--terraform-dir " + dir, Text.of("patch.dir-no-tf"));
      }
    }
  }

  // ---- finding the block that manages a perimeter ----

  private List<Manager> managers(ServicePerimeter p) {
    List<Manager> out = new ArrayList<>();
    for (TfFile f : files) {
      for (HclText.Block b : f.hcl.blocks()) {
        if (b.type().equals("resource") && b.labels().size() == 2) {
          if (b.labels().get(0).equals(PERIMETER)
              && namesPerimeter(f.hcl.value(attrOrEmpty(f, b, "name")), p)) {
            out.add(new Manager(f, b, Kind.RESOURCE));
          } else if (b.labels().get(0).equals(PERIMETER + "s")) {
            for (HclText.Block n : f.hcl.blocks(b)) {
              if (n.type().equals("service_perimeters")
                  && namesPerimeter(f.hcl.value(attrOrEmpty(f, n, "name")), p)) {
                out.add(new Manager(f, n, Kind.NESTED));
              }
            }
          }
        } else if (b.type().equals("module") && isPerimeterModule(f, b)) {
          String short_ = scalar(f, f.hcl.attr(b, "perimeter_name"));
          if (p.shortName().equals(short_) && samePolicy(f.hcl.attr(b, "policy"), f, p)) {
            out.add(new Manager(f, b, Kind.MODULE));
          }
        } else if (b.type().equals("module") && isFabricModule(f, b)) {
          HclText.Block regular = f.hcl.object(f.hcl.attr(b, "service_perimeters_regular"));
          HclText.Block entry =
              regular == null ? null : f.hcl.object(f.hcl.attr(regular, p.shortName()));
          if (entry != null && samePolicy(f.hcl.attr(b, "access_policy"), f, p)) {
            out.add(new Manager(f, entry, Kind.FABRIC));
          }
        }
      }
    }
    return out;
  }

  /**
   * A string attribute's value: its literal, or the literal behind {@code var.NAME} (its one {@code
   * .tfvars} value, else its default) or {@code local.NAME}; null when computed.
   */
  private String scalar(TfFile f, HclText.Attr attr) {
    if (attr == null) {
      return null;
    }
    String literal = f.hcl.stringLiteral(attr);
    if (literal != null) {
      return literal;
    }
    Source s = source(f.hcl.value(attr), f);
    return s == null || s.attr() == null ? null : s.file().hcl.stringLiteral(s.attr());
  }

  /** A literal policy must be the perimeter's; a computed one may be. */
  private boolean samePolicy(HclText.Attr attr, TfFile f, ServicePerimeter p) {
    String policy = scalar(f, attr);
    return policy == null || policy.equals(p.policyNumber()) || policy.equals(p.policy());
  }

  private static boolean isFabricModule(TfFile f, HclText.Block b) {
    String source = f.hcl.stringLiteral(f.hcl.attr(b, "source"));
    return source != null && source.replaceAll("\\?ref=.*$", "").matches(".*modules/vpc-sc/?");
  }

  private static HclText.Attr attrOrEmpty(TfFile f, HclText.Block b, String name) {
    HclText.Attr a = f.hcl.attr(b, name);
    return a == null ? new HclText.Attr(name, b.open(), b.open(), b.open()) : a;
  }

  /**
   * {@code name} names the perimeter: the full name as a literal, or a template that ends with
   * {@code /servicePerimeters/SHORT} (the policy number from a variable).
   */
  static boolean namesPerimeter(String value, ServicePerimeter p) {
    String literal = HclText.literal(value);
    if (literal != null) {
      return literal.equals(p.name());
    }
    return value.startsWith("\"")
        && value.endsWith("/servicePerimeters/" + p.shortName() + "\"")
        && value.contains("accessPolicies/");
  }

  private static boolean isPerimeterModule(TfFile f, HclText.Block b) {
    String source = f.hcl.stringLiteral(f.hcl.attr(b, "source"));
    return source != null && source.contains("regular_service_perimeter");
  }

  /** The membership resources of the team that add projects to {@code m}'s perimeter. */
  private List<Manager> members(Manager m, ServicePerimeter p, boolean dryRun) {
    String type = dryRun ? DRY_RUN_MEMBER : MEMBER;
    if (m.kind() != Kind.RESOURCE && m.kind() != Kind.MODULE) {
      return List.of();
    }
    String ref =
        m.module()
            ? "module." + m.block().labels().get(0) + "."
            : PERIMETER + "." + m.block().labels().get(1) + ".";
    List<Manager> out = new ArrayList<>();
    for (TfFile f : files) {
      for (HclText.Block b : f.hcl.blocks()) {
        if (b.type().equals("resource")
            && !b.labels().isEmpty()
            && b.labels().get(0).equals(type)) {
          HclText.Attr name = f.hcl.attr(b, "perimeter_name");
          String v = name == null ? "" : f.hcl.value(name);
          if (v.contains(ref) || p.name().equals(HclText.literal(v))) {
            out.add(new Manager(f, b, Kind.RESOURCE));
          }
        }
      }
    }
    return out;
  }

  // ---- the changes ----

  private void change(FixPlan plan, PerimeterChange change) {
    ServicePerimeter p = change.before();
    List<Manager> found = managers(p);
    if (found.size() > 1) {
      unedited.add(
          messages.get(
              "patch.managed-twice",
              p.name(),
              found.size(),
              String.join(", ", found.stream().map(m -> where(m, m.block().start())).toList()),
              describe(change)));
      return;
    }
    if (found.isEmpty()) {
      adopt(plan, change);
      return;
    }
    Manager m = found.get(0);
    List<String> added = new ArrayList<>();
    for (ConfigChange c : change.changes()) {
      if (c.spec() && !p.useExplicitDryRunSpec() && newSpec(m, change, added)) {
        continue;
      }
      if (c.spec() && !p.useExplicitDryRunSpec()) {
        unedited.add(
            messages.get(
                "patch.no-explicit-spec", where(m, m.block().start()), p.name(), describeOne(c)));
        continue;
      }
      if (m.module()) {
        moduleChange(m, p, c, added);
      } else {
        resourceChange(m, p, c, added);
      }
    }
    summary.add(
        messages.get(
            "patch.summary",
            p.name(),
            where(m, m.block().start()),
            added.isEmpty() ? messages.get("patch.nothing-written") : String.join("; ", added)));
  }

  /**
   * A dry-run change to a perimeter without an explicit dry-run spec: the spec is written whole, as
   * gcloud's {@code dry-run update} makes it (the enforced config as read, plus the additions),
   * with {@code use_explicit_dry_run_spec = true}; all new lines. A resource (or a block of the
   * authoritative resource) gets a {@code spec} block; a terraform-google-modules call its {@code
   * _dry_run} inputs, when the enforced config has nothing those inputs cannot hold. False when
   * this shape cannot take it.
   */
  private boolean newSpec(Manager m, PerimeterChange change, List<String> added) {
    TfFile f = m.file();
    dev.vpcscaudit.model.PerimeterConfig spec = change.after().spec();
    if (spec == null) {
      return false;
    }
    HclText.Attr explicit = f.hcl.attr(m.block(), "use_explicit_dry_run_spec");
    if (m.kind() == Kind.RESOURCE || m.kind() == Kind.NESTED) {
      if (f.hcl.block(m.block(), "spec") != null
          || explicit != null && !f.hcl.value(explicit).equals("true")) {
        return false;
      }
      String indent = f.hcl.indentAt(m.block().close()) + "  ";
      List<String> lines = new ArrayList<>();
      if (explicit == null) {
        lines.add(indent + "use_explicit_dry_run_spec = true");
        lines.add("");
      }
      TerraformRenderer.configBlock(spec, "spec", indent).lines().forEach(lines::add);
      insertBeforeClose(f, m.block(), lines);
      added.add(messages.get("patch.added.spec-block"));
      return true;
    }
    if (m.kind() == Kind.FABRIC
        && spec.ingressPolicies().isEmpty()
        && spec.egressPolicies().isEmpty()
        && (explicit == null || f.hcl.value(explicit).equals("true"))) {
      if (f.hcl.attr(m.block(), "spec") != null) {
        return false; // a spec of its own (even an empty one): not ours to rewrite
      }
      String indent = f.hcl.indentAt(m.block().close()) + "  ";
      List<String> lines = new ArrayList<>();
      if (explicit == null) {
        lines.add(indent + "use_explicit_dry_run_spec = true");
      }
      lines.add(indent + "spec = {");
      List<String[]> entries = new ArrayList<>();
      if (!spec.resources().isEmpty()) {
        entries.add(new String[] {"resources", inline(spec.resources())});
      }
      if (!spec.accessLevels().isEmpty()) {
        entries.add(new String[] {"access_levels", inline(spec.accessLevels())});
      }
      if (!spec.restrictedServices().isEmpty()) {
        entries.add(new String[] {"restricted_services", inline(spec.restrictedServices())});
      }
      if (spec.vpcAccessibleServices() != null
          && spec.vpcAccessibleServices().enableRestriction()) {
        entries.add(
            new String[] {
              "vpc_accessible_services",
              "{ allowed_services = "
                  + inline(spec.vpcAccessibleServices().allowedServices())
                  + ", enable_restriction = true }"
            });
      }
      int width = entries.stream().mapToInt(e -> e[0].length()).max().orElse(0);
      for (String[] e : entries) {
        lines.add(indent + "  " + e[0] + " ".repeat(width - e[0].length()) + " = " + e[1]);
      }
      lines.add(indent + "}");
      insertBeforeClose(f, m.block(), lines);
      added.add(messages.get("patch.added.spec"));
      return true;
    }
    if (m.kind() == Kind.MODULE
        && spec.ingressPolicies().isEmpty()
        && spec.egressPolicies().isEmpty()) {
      listAdd(f, m.block(), "resources_dry_run", spec.resources(), added, "");
      listAdd(f, m.block(), "restricted_services_dry_run", spec.restrictedServices(), added, "");
      listAdd(f, m.block(), "access_levels_dry_run", spec.accessLevels(), added, "");
      if (spec.vpcAccessibleServices() != null
          && spec.vpcAccessibleServices().enableRestriction()) {
        listAdd(
            f,
            m.block(),
            "vpc_accessible_services_dry_run",
            spec.vpcAccessibleServices().allowedServices(),
            added,
            "");
      }
      return true;
    }
    return false;
  }

  private void resourceChange(Manager m, ServicePerimeter p, ConfigChange c, List<String> added) {
    TfFile f = m.file();
    String configName = c.spec() ? "spec" : "status";
    HclText.Block config = f.hcl.blockOrObject(m.block(), configName);
    if (config == null) {
      unedited.add(
          messages.get(
              "patch.no-config-block",
              where(m, m.block().start()),
              p.name(),
              configName,
              describeOne(c)));
      return;
    }
    listAdd(f, config, "restricted_services", c.addRestrictedServices(), added, configName);
    resources(m, p, c, f, config, "resources", added, configName);
    if (c.enableVpcRestriction() || !c.addVpcAllowedServices().isEmpty()) {
      HclText.Block vpc = f.hcl.blockOrObject(config, "vpc_accessible_services");
      if (vpc == null && m.kind() == Kind.FABRIC) {
        addAttrs(
            f,
            config,
            new LinkedHashMap<>(
                Map.of(
                    "vpc_accessible_services",
                    "{ allowed_services = "
                        + inline(c.addVpcAllowedServices())
                        + ", enable_restriction = true }")));
        added.add(messages.get("patch.added.vpc", configName, c.addVpcAllowedServices()));
        return;
      }
      if (vpc == null) {
        String indent = f.hcl.indentAt(config.close()) + "  ";
        List<String> lines =
            List.of(
                indent + "vpc_accessible_services {",
                indent + "  enable_restriction = true",
                indent + "  allowed_services   = " + inline(c.addVpcAllowedServices()),
                indent + "}");
        insertBeforeClose(f, config, lines);
        added.add(messages.get("patch.added.vpc", configName, c.addVpcAllowedServices()));
        return;
      }
      if (c.enableVpcRestriction()) {
        HclText.Attr enable = f.hcl.attr(vpc, "enable_restriction");
        if (enable == null) {
          addAttrs(f, vpc, new LinkedHashMap<>(Map.of("enable_restriction", "true")));
          added.add(configName + ".vpc_accessible_services.enable_restriction = true");
        } else if (!f.hcl.value(enable).equals("true")) {
          unedited.add(
              messages.get(
                  "patch.restriction-off",
                  where(m, enable.start()),
                  configName,
                  f.hcl.value(enable)));
        }
      }
      listAdd(f, vpc, "allowed_services", c.addVpcAllowedServices(), added, configName);
    }
  }

  private void moduleChange(Manager m, ServicePerimeter p, ConfigChange c, List<String> added) {
    TfFile f = m.file();
    String sfx = c.spec() ? "_dry_run" : "";
    listAdd(f, m.block(), "restricted_services" + sfx, c.addRestrictedServices(), added, "");
    resources(m, p, c, f, m.block(), "resources" + sfx, added, "");
    if (c.enableVpcRestriction() || !c.addVpcAllowedServices().isEmpty()) {
      String name = "vpc_accessible_services" + sfx;
      HclText.Attr vpc = f.hcl.attr(m.block(), name);
      List<String> allowed =
          c.addVpcAllowedServices().isEmpty()
              ? List.of("RESTRICTED-SERVICES")
              : c.addVpcAllowedServices();
      HclText.ListValue list = vpc == null ? null : f.hcl.list(vpc);
      if (list != null && list.literal() && list.values().contains("*")) {
        unedited.add(
            messages.get("patch.every-service", where(m, vpc.start()), name, inline(allowed)));
        return;
      }
      listAdd(f, m.block(), name, allowed, added, "");
    }
  }

  /** Projects: one more membership resource when the team adds them that way, else the list. */
  private void resources(
      Manager m,
      ServicePerimeter p,
      ConfigChange c,
      TfFile f,
      HclText.Block block,
      String attr,
      List<String> added,
      String prefix) {
    if (c.addResources().isEmpty()) {
      return;
    }
    List<Manager> members = members(m, p, c.spec());
    if (members.isEmpty()) {
      listAdd(f, block, attr, c.addResources(), added, prefix);
      return;
    }
    Manager first = members.get(0);
    String type = c.spec() ? DRY_RUN_MEMBER : MEMBER;
    String perimeterName =
        first.file().hcl.value(first.file().hcl.attr(first.block(), "perimeter_name"));
    StringBuilder text = new StringBuilder();
    for (String r : c.addResources()) {
      text.append('\n')
          .append("resource \"")
          .append(type)
          .append("\" \"")
          .append(address(p.shortName() + "_" + r.substring(r.lastIndexOf('/') + 1)))
          .append("\" {\n")
          .append("  perimeter_name = ")
          .append(perimeterName)
          .append('\n')
          .append("  resource       = \"")
          .append(r)
          .append("\"\n}\n");
      added.add(messages.get("patch.added.member", type, r));
    }
    TfFile target = first.file();
    int end = target.hcl.text.length();
    target.changes.add(new Change(end, end, text.toString()));
  }

  /** A Terraform identifier: letters, digits, underscores; not starting with a digit. */
  static String address(String s) {
    String a = s.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(a.charAt(0)) ? "p_" + a : a;
  }

  /** Adds {@code values} that {@code block}'s list {@code name} lacks, in the list's own style. */
  private void listAdd(
      TfFile f,
      HclText.Block block,
      String name,
      List<String> values,
      List<String> added,
      String prefix) {
    if (values.isEmpty()) {
      return;
    }
    String label = prefix.isEmpty() ? name : prefix + "." + name;
    HclText.Attr attr = f.hcl.attr(block, name);
    if (attr == null) {
      addAttrs(f, block, new LinkedHashMap<>(Map.of(name, inline(values))));
      added.add(label + " += " + String.join(", ", values));
      return;
    }
    HclText.ListValue list = f.hcl.list(attr);
    if (list == null) {
      // A variable or local with a literal value: the list is where that value is written.
      Source source = source(f.hcl.value(attr), f);
      if (source != null && source.list() != null) {
        HclText.ListValue at = source.list();
        List<String> missing = values.stream().filter(v -> !at.values().contains(v)).toList();
        if (!missing.isEmpty()) {
          insertIntoList(source.file(), at, missing);
          added.add(
              messages.get(
                  "patch.added.via",
                  label,
                  f.hcl.value(attr),
                  source.where(),
                  String.join(", ", missing)));
        }
        return;
      }
      if (source != null && source.problem() != null) {
        cannot(
            f,
            attr,
            Text.of("patch.is", label, f.hcl.value(attr), source.problem()),
            values,
            "patch.add-by-hand");
        return;
      }
    }
    if (list == null || !list.literal()) {
      cannot(
          f,
          attr,
          Text.of("patch.computed", label, oneLine(f.hcl.value(attr))),
          values,
          "patch.add-at-source");
      return;
    }
    List<String> missing = values.stream().filter(v -> !list.values().contains(v)).toList();
    if (missing.isEmpty()) {
      return;
    }
    insertIntoList(f, list, missing);
    added.add(label + " += " + String.join(", ", missing));
  }

  /**
   * One change the patch cannot write: {@code FILE:LINE: what; add "a", "b" where}, {@code
   * whereKey} saying where.
   */
  private void cannot(
      TfFile f, HclText.Attr attr, Text what, List<String> values, String whereKey) {
    unedited.add(
        messages.get(
            whereKey,
            f.path + ":" + f.hcl.line(attr.start()),
            what,
            String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList())));
  }

  /** Where a variable's or local's literal list is written, or why it cannot be edited. */
  private record Source(
      TfFile file, HclText.ListValue list, String where, Text problem, HclText.Attr attr) {
    Source(TfFile file, HclText.ListValue list, String where, Text problem) {
      this(file, list, where, problem, null);
    }
  }

  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("(var|local)\\.([A-Za-z_][A-Za-z0-9_-]*)");

  /**
   * The literal behind {@code var.NAME} (a {@code .tfvars} assignment, else the variable's default)
   * or {@code local.NAME} (a {@code locals} entry); null when the value is no such reference.
   */
  private Source source(String value, TfFile from) {
    java.util.regex.Matcher m = REFERENCE.matcher(value);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(2);
    // A module is a folder: its variables, locals and .tfvars are the files beside the reference.
    List<TfFile> files =
        this.files.stream().filter(f -> folder(f.path).equals(folder(from.path))).toList();
    List<Source> found = new ArrayList<>();
    if (m.group(1).equals("local")) {
      for (TfFile f : files) {
        for (HclText.Block b : f.hcl.blocks()) {
          if (b.type().equals("locals")) {
            HclText.Attr a = f.hcl.attr(b, name);
            if (a != null) {
              found.add(listSource(f, a));
            }
          }
        }
      }
    } else {
      for (TfFile f : files) {
        if (f.path.endsWith(".tfvars")) {
          f.hcl.attrs().stream()
              .filter(a -> a.name().equals(name))
              .forEach(a -> found.add(listSource(f, a)));
        }
      }
      if (found.isEmpty()) {
        for (TfFile f : files) {
          for (HclText.Block b : f.hcl.blocks()) {
            if (b.type().equals("variable") && b.labels().equals(List.of(name))) {
              HclText.Attr d = f.hcl.attr(b, "default");
              found.add(
                  d == null
                      ? new Source(f, null, null, Text.of("patch.problem.no-default"))
                      : listSource(f, d));
            }
          }
        }
      }
    }
    if (found.isEmpty()) {
      return new Source(null, null, null, Text.of("patch.problem.unset"));
    }
    if (found.size() > 1) {
      return new Source(
          null,
          null,
          null,
          Text.of(
              "patch.problem.many",
              found.size(),
              String.join(", ", found.stream().map(s -> String.valueOf(s.where())).toList())));
    }
    return found.get(0);
  }

  private static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static Source listSource(TfFile f, HclText.Attr a) {
    HclText.ListValue list = f.hcl.list(a);
    String where = f.path + ":" + f.hcl.line(a.start());
    if (list == null || !list.literal()) {
      return new Source(f, null, where, Text.of("patch.problem.computed", where), a);
    }
    return new Source(f, list, where, null, a);
  }

  private static String oneLine(String s) {
    String v = s.replaceAll("\\s+", " ");
    return v.length() > 80 ? v.substring(0, 77) + "..." : v;
  }

  private static void insertIntoList(TfFile f, HclText.ListValue list, List<String> missing) {
    String text = f.hcl.text;
    List<String> existing = list.values();
    boolean sorted = existing.size() >= 2 && existing.stream().sorted().toList().equals(existing);
    boolean multiLine = text.substring(list.open(), list.close()).contains("\n");
    List<String> toAdd = sorted ? missing.stream().sorted().toList() : missing;
    if (!multiLine) {
      List<String> parts = new ArrayList<>();
      list.elements().forEach(e -> parts.add(text.substring(e.start(), e.end())));
      List<String> merged = new ArrayList<>(parts);
      for (String v : toAdd) {
        int at = merged.size();
        if (sorted) {
          at = 0;
          while (at < merged.size() && HclText.literal(merged.get(at)).compareTo(v) < 0) {
            at++;
          }
        }
        merged.add(at, "\"" + v + "\"");
      }
      f.changes.add(
          new Change(list.open(), list.close() + 1, "[" + String.join(", ", merged) + "]"));
      return;
    }
    String indent =
        list.elements().isEmpty()
            ? f.hcl.indentAt(list.close()) + "  "
            : f.hcl.indentAt(list.elements().get(0).start());
    HclText.Element last =
        list.elements().isEmpty() ? null : list.elements().get(list.elements().size() - 1);
    boolean trailingComma =
        last == null || text.substring(last.end(), list.close()).strip().startsWith(",");
    List<String> after = new ArrayList<>();
    for (String v : toAdd) {
      HclText.Element before = null;
      if (sorted) {
        for (HclText.Element e : list.elements()) {
          if (e.literal().compareTo(v) > 0) {
            before = e;
            break;
          }
        }
      }
      if (before != null) {
        int lineStart = text.lastIndexOf('\n', before.start() - 1) + 1;
        f.changes.add(new Change(lineStart, lineStart, indent + "\"" + v + "\",\n"));
      } else {
        after.add(v);
      }
    }
    if (after.isEmpty()) {
      return;
    }
    if (last == null) {
      int lineStart = text.lastIndexOf('\n', list.close() - 1) + 1;
      StringBuilder b = new StringBuilder();
      after.forEach(v -> b.append(indent).append('"').append(v).append("\",\n"));
      f.changes.add(new Change(lineStart, lineStart, b.toString()));
      return;
    }
    int lineEnd = text.indexOf('\n', last.end());
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < after.size(); i++) {
      boolean final_ = i == after.size() - 1;
      b.append('\n').append(indent).append('"').append(after.get(i)).append('"');
      if (trailingComma || !final_) {
        b.append(',');
      }
    }
    if (!trailingComma) {
      f.changes.add(new Change(last.end(), last.end(), ","));
    }
    f.changes.add(new Change(lineEnd, lineEnd, b.toString()));
  }

  /** {@code ["a", "b"]}. */
  static String inline(List<String> values) {
    return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }

  /** New attributes at the end of {@code block}, a group of their own (aligned as fmt does). */
  private static void addAttrs(TfFile f, HclText.Block block, Map<String, String> attrs) {
    String indent = f.hcl.indentAt(block.close()) + "  ";
    int width = attrs.keySet().stream().mapToInt(String::length).max().orElse(0);
    List<String> lines = new ArrayList<>();
    attrs.forEach((k, v) -> lines.add(indent + k + " ".repeat(width - k.length()) + " = " + v));
    insertBeforeClose(f, block, lines);
  }

  /**
   * Lines before the line of {@code block}'s closing brace, after a blank line if it has a body.
   */
  private static void insertBeforeClose(TfFile f, HclText.Block block, List<String> lines) {
    String text = f.hcl.text;
    int lineStart = text.lastIndexOf('\n', block.close() - 1) + 1;
    boolean emptyBody = text.substring(block.open() + 1, lineStart).strip().isEmpty();
    StringBuilder b = new StringBuilder(emptyBody ? "" : "\n");
    lines.forEach(l -> b.append(l).append('\n'));
    f.changes.add(new Change(lineStart, lineStart, b.toString()));
  }

  /**
   * The network's fixes ({@code --network}): no team file holds them, so they are a new file, as
   * {@code --as terraform} writes them (new resources; the changes Terraform cannot adopt listed as
   * gcloud commands in its header).
   */
  private void network(FixPlan plan) {
    FixPlan only =
        new FixPlan(
            plan.projects(),
            plan.profile(),
            plan.stage(),
            List.of(),
            List.of(),
            List.of(),
            plan.verifyCommand(),
            plan.networkActions());
    String file = "vpcsc-audit-network.tf";
    newFiles.put(file, TerraformRenderer.render(only, messages));
    summary.add(messages.get("patch.network", plan.networkActions().size(), file));
  }

  /** A perimeter that no file manages: the adopt-style file, new in the diff. */
  private void adopt(FixPlan plan, PerimeterChange change) {
    ServicePerimeter p = change.before();
    FixPlan one =
        new FixPlan(
            plan.projects(),
            plan.profile(),
            plan.stage(),
            List.of(change),
            List.of(),
            List.of(),
            plan.verifyCommand(),
            List.of());
    String file = "vpcsc-audit-adopt-" + p.shortName().replace('_', '-') + ".tf";
    newFiles.put(
        file,
        ("# " + messages.get("patch.adopt", p.name()).replace("\n", "\n# ") + "\n")
            + TerraformRenderer.render(one, messages));
    summary.add(messages.get("patch.adopted", p.name(), file));
  }

  /** {@code FILE:LINE}. */
  private static String where(Manager m, int offset) {
    return m.file().path + ":" + m.file().hcl.line(offset);
  }

  private static String describe(PerimeterChange change) {
    return String.join("; ", change.changes().stream().map(TerraformPatch::describeOne).toList());
  }

  private static String describeOne(ConfigChange c) {
    List<String> parts = new ArrayList<>();
    String cfg = c.spec() ? "spec" : "status";
    if (!c.addResources().isEmpty()) {
      parts.add(cfg + " resources " + inline(c.addResources()));
    }
    if (!c.addRestrictedServices().isEmpty()) {
      parts.add(cfg + " restricted_services " + inline(c.addRestrictedServices()));
    }
    if (c.enableVpcRestriction()) {
      parts.add(cfg + " vpc_accessible_services.enable_restriction = true");
    }
    if (!c.addVpcAllowedServices().isEmpty()) {
      parts.add(
          cfg + " vpc_accessible_services.allowed_services " + inline(c.addVpcAllowedServices()));
    }
    return String.join(", ", parts);
  }

  // ---- the diff ----

  private String render(FixPlan plan, dev.vpcscaudit.i18n.Messages m) {
    StringBuilder out = new StringBuilder();
    out.append(
            m.get(
                "patch.title",
                plan.stage().label(),
                String.join(", ", dirs.stream().map(String::valueOf).toList()),
                base))
        .append('\n');
    summary.forEach(s -> out.append("  ").append(s).append('\n'));
    for (String line : dev.vpcscaudit.plan.PlanHeader.lines(plan, m)) {
      out.append("  ").append(line.replace('\n', ' ')).append('\n');
    }
    for (PerimeterChange change : held) {
      out.append(m.get("patch.held-back", change.before().name())).append('\n');
      for (String line : dev.vpcscaudit.plan.PlanHeader.heldBack(plan, change, "changes", m)) {
        out.append("  ").append(line).append('\n');
      }
      out.append("  ").append(describe(change)).append('\n');
    }
    if (!unedited.isEmpty()) {
      out.append(m.get("patch.not-written")).append('\n');
      unedited.forEach(u -> out.append("  ").append(u).append('\n'));
    }
    out.append('\n');
    for (TfFile f : files) {
      if (f.changes.isEmpty()) {
        continue;
      }
      String after = apply(f);
      List<String> a = lines(f.hcl.text);
      List<String> b = lines(after);
      List<String> unified =
          UnifiedDiffUtils.generateUnifiedDiff(
              "a/" + f.path, "b/" + f.path, a, DiffUtils.diff(a, b), 3);
      out.append("diff --git a/").append(f.path).append(" b/").append(f.path).append('\n');
      unified.forEach(l -> out.append(l).append('\n'));
    }
    newFiles.forEach(
        (name, text) -> {
          List<String> lines = Arrays.asList(text.split("\n", -1));
          int n = text.endsWith("\n") ? lines.size() - 1 : lines.size();
          out.append("diff --git a/")
              .append(name)
              .append(" b/")
              .append(name)
              .append("\nnew file mode 100644\n--- /dev/null\n+++ b/")
              .append(name)
              .append("\n@@ -0,0 +1,")
              .append(n)
              .append(" @@\n");
          for (int i = 0; i < n; i++) {
            out.append('+').append(lines.get(i)).append('\n');
          }
        });
    return out.toString();
  }

  /** The lines of {@code text}, without the empty one after a final newline. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * The file's text with its changes, applied from the end so offsets stay valid; insertions at one
   * offset keep the order they were made in.
   */
  private static String apply(TfFile f) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < f.changes.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> f.changes.get(i).start())
            .thenComparing(i -> i)
            .reversed());
    StringBuilder b = new StringBuilder(f.hcl.text);
    for (int i : order) {
      Change c = f.changes.get(i);
      b.replace(c.start(), c.end(), c.text());
    }
    return b.toString();
  }
}
