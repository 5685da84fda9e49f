package dev.vpcscaudit.plan;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.error.BadInputException;
import dev.vpcscaudit.escape.Shell;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.model.ServicePerimeter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link FixPlan} as a bash script of {@code gcloud access-context-manager perimeters}
 * commands. Only add-type flags are used: {@code --add-resources}, {@code
 * --add-restricted-services}, and the group {@code --enable-vpc-accessible-services
 * --add-vpc-allowed-services}, plus {@code --etag} (all in the SYNOPSIS of the Cloud SDK reference
 * pages for {@code perimeters update} and {@code perimeters dry-run update}). Every command names
 * {@code --policy} (gcloud's policy auto-detection fails with scoped policies), and every value
 * from the input is shell-quoted.
 */
public final class GcloudRenderer {

  private GcloudRenderer() {}

  /**
   * The fields of a config that gcloud's {@code perimeters dry-run update} loses when it copies the
   * enforced config into a new dry-run spec (a perimeter without an explicit spec): gcloud 528's v1
   * model has no {@code vpcAccessibleServices.allowedServicePatterns} or {@code
   * servicePatternsEnforcementScopes}, so the copy and its update mask leave them out (observed
   * with the real gcloud against the test fake; RealGcloudPlanTest keeps it true).
   */
  static final List<String> LOST_BY_GCLOUD_SPEC_COPY =
      List.of(
          "vpcAccessibleServices.allowedServicePatterns",
          "vpcAccessibleServices.servicePatternsEnforcementScopes");

  public static String render(FixPlan plan) {
    return render(plan, Messages.EN);
  }

  /**
   * As {@link #render(FixPlan)}, its comments in the language of {@code m}; the commands are the
   * same in every language.
   */
  public static String render(FixPlan plan, Messages m) {
    for (PerimeterChange change : plan.perimeters()) {
      refuseLossyCopy(change);
    }
    StringBuilder out = new StringBuilder();
    out.append("#!/usr/bin/env bash\n");
    header(plan, out, m);
    out.append("set -euo pipefail\n");
    if (plan.isEmpty()) {
      out.append("\n# ")
          .append(Shell.comment(PlanHeader.nothingToChange(plan, m)))
          .append(m.get("gcloud.changes-nothing"))
          .append('\n');
      return out.toString();
    }
    // What the script runs: the changes not held back by the audit logs' denials.
    FixPlan live = plan.withoutHeld();
    if (!live.isEmpty()) {
      guard(live, out, m);
    }
    int index = 0;
    for (PerimeterChange change : live.perimeters()) {
      ServicePerimeter p = change.before();
      index++;
      out.append("\n# --- ").append(p.name());
      if (!p.title().isEmpty()) {
        out.append(m.get("gcloud.title", Shell.comment(p.title())));
      }
      out.append('\n');
      for (Text note : change.notes()) {
        out.append("# ").append(Shell.comment(m.get("plan.note", note.in(m)))).append('\n');
      }
      for (ConfigChange c : change.changes()) {
        if (c.spec() && !p.useExplicitDryRunSpec()) {
          out.append("# ").append(m.get("gcloud.copies-status")).append('\n');
        }
        out.append(
                "write "
                    + (index - 1)
                    + " "
                    + Shell.quote(p.shortName())
                    + " "
                    + Shell.quote(p.policyNumber())
                    + " ")
            .append(String.join(" \\\n    ", command(p, c)))
            .append('\n');
      }
      out.append("finished ").append(index - 1).append('\n');
    }
    if (!live.networkActions().isEmpty()) {
      out.append("\n# --- ").append(m.get("gcloud.network-section")).append('\n');
      for (dev.vpcscaudit.network.NetworkAction action : live.networkActions()) {
        out.append("step ")
            .append(index)
            .append(' ')
            .append(dev.vpcscaudit.network.NetworkGcloud.command(action))
            .append('\n');
        out.append("finished ").append(index).append('\n');
        index++;
      }
    }
    heldBack(plan, out, m);
    if (plan.stage() == Stage.DRY_RUN && !plan.perimeters().isEmpty()) {
      nextStep(plan, out, m);
      PlanHeader.comment(out, m.get("gcloud.warning-enforce"));
      for (PerimeterChange change : plan.perimeters()) {
        ServicePerimeter p = change.before();
        out.append("#   gcloud access-context-manager perimeters dry-run describe ")
            .append(Shell.quote(p.shortName()))
            .append(' ')
            .append(Shell.flag("--policy", p.policyNumber()))
            .append('\n');
      }
      out.append("# ").append(m.get("gcloud.then-enforce")).append('\n');
      for (PerimeterChange change : plan.perimeters()) {
        ServicePerimeter p = change.before();
        out.append("# gcloud access-context-manager perimeters dry-run enforce ")
            .append(Shell.quote(p.shortName()))
            .append(' ')
            .append(Shell.flag("--policy", p.policyNumber()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The enforce changes held back by the audit logs: each perimeter's commands commented out, one
   * line each, below what its dry-run config denied. They take no etag: a user who runs one by hand
   * has reviewed it; planning again with {@code --accept-violations} writes them into the guarded
   * script instead.
   */
  private static void heldBack(FixPlan plan, StringBuilder out, Messages m) {
    for (PerimeterChange change : plan.heldBack()) {
      ServicePerimeter p = change.before();
      out.append("\n# --- ").append(m.get("gcloud.held-back", p.name()));
      if (!p.title().isEmpty()) {
        out.append(m.get("gcloud.title", Shell.comment(p.title())));
      }
      out.append('\n');
      for (String line : PlanHeader.heldBack(plan, change, "commands", m)) {
        out.append("# ").append(Shell.comment(line)).append('\n');
      }
      for (ConfigChange c : change.changes()) {
        out.append("# ").append(String.join(" ", command(p, c))).append('\n');
      }
    }
  }

  /**
   * The dry-run plan's next step: once the staged spec has run long enough, read the project's VPC
   * Service Controls denials and audit them ({@code dry-run-violations}), before enforcing.
   */
  private static void nextStep(FixPlan plan, StringBuilder out, Messages m) {
    out.append('\n');
    PlanHeader.comment(out, m.get("gcloud.next-step"));
    ProjectRef first = plan.projects().get(0);
    String project = first.id() != null ? first.id() : first.number();
    out.append("#   gcloud logging read ")
        .append(Shell.quote(dev.vpcscaudit.codec.ViolationLogReader.FILTER))
        .append(' ')
        .append(Shell.flag("--project", project))
        .append(" --freshness=7d --format=json > violations.json\n");
    boolean offline = plan.verifyCommand().contains("--from-file");
    if (plan.projects().size() == 1) {
      out.append("#   ")
          .append(Shell.comment(plan.verifyCommand()))
          .append(" --violations-file violations.json\n");
    } else {
      out.append("# ").append(m.get("gcloud.each-project", plan.projects().size())).append('\n');
    }
    if (!offline) {
      out.append("# ")
          .append(m.get("gcloud.both-live"))
          .append("\n#   ")
          .append(Shell.comment(plan.verifyCommand()))
          .append(" --violations 7d\n");
    }
    FixPlan.Gate gate = plan.gate();
    if (gate != null) {
      // The evidence read now predates what this plan stages: it says what the spec as it was
      // would have denied, not yet what the staged one will.
      out.append("# ")
          .append(m.get("gcloud.denied-in", Shell.comment(gate.read().source().in(m))))
          .append('\n');
      for (PerimeterChange change : plan.perimeters()) {
        String name = change.before().name();
        List<Text> denied = gate.read().denied(name, true);
        out.append("#   ")
            .append(name)
            .append(m.get(denied.isEmpty() ? "gcloud.no-denial" : "gcloud.denied"))
            .append('\n');
        for (Text line : denied) {
          out.append("#     ").append(Shell.comment(line.in(m))).append('\n');
        }
      }
    }
  }

  /** The fields a perimeter's content is compared on (everything a write could change). */
  static final String CONTENT =
      "json(name,title,description,perimeterType,status,spec,useExplicitDryRunSpec)";

  /**
   * How the script protects concurrent edits, under either scope of Access Context Manager's etags
   * (per perimeter, or per policy as Google's engineers describe them: a write to one perimeter
   * gives every perimeter of its policy a new etag; GoogleCloudPlatform/magic-modules #12568, and
   * the provider's fix of reading the etag right before each write, #12736 and #12903):
   *
   * <ol>
   *   <li>before the first write, every perimeter the script touches is read: its content is kept,
   *       and its etag must still be the one the plan was made from, or nothing is written;
   *   <li>before each write, the perimeter is read again (etag, then content): its content must be
   *       what the preflight kept, or what the script's own last write to it left; the write then
   *       carries that just-read etag, so the API refuses it if anything changed in between;
   *   <li>a stop after some writes names the perimeters changed, partly changed and not changed,
   *       and the command that audits and plans again from there.
   * </ol>
   *
   * Content is compared, not etags, because under policy-scoped etags a perimeter's etag moves with
   * every write in its policy, the script's own included, and could not tell whose write it was.
   */
  private static void guard(FixPlan plan, StringBuilder out, Messages m) {
    List<String> names = new ArrayList<>();
    plan.perimeters().forEach(c -> names.add(c.before().name()));
    for (dev.vpcscaudit.network.NetworkAction action : plan.networkActions()) {
      names.add(m.get("gcloud.network-step", action.label(), action.project()));
    }
    out.append('\n');
    PlanHeader.comment(out, m.get("gcloud.concurrent"));
    out.append("fields=").append(Shell.quote(CONTENT)).append('\n').append("names=(");
    out.append(String.join(" ", names.stream().map(Shell::quote).toList()));
    out.append(")\n")
        .append("state=()   # ")
        .append(Shell.comment(m.get("script.state-comment")))
        .append('\n')
        .append("for i in \"${!names[@]}\"; do state[$i]=todo; done\n")
        .append(
            "describe() { gcloud access-context-manager perimeters describe \"$1\" --policy=\"$2\" --format=\"$3\"; }\n")
        .append("stop() { # MESSAGE\n")
        .append("  local i\n")
        .append("  echo \"vpcsc-audit plan: $1\" >&2\n")
        .append("  for i in \"${!names[@]}\"; do\n")
        .append("    case \"${state[$i]}\" in\n")
        .append("      done) echo \"  ")
        .append(say(m, "script.changed", "${names[$i]}"))
        .append("\" >&2 ;;\n")
        .append("      partly) echo \"  ")
        .append(say(m, "script.partly", "${names[$i]}"))
        .append("\" >&2 ;;\n")
        .append("      *) echo \"  ")
        .append(say(m, "script.not-changed", "${names[$i]}"))
        .append("\" >&2 ;;\n")
        .append("    esac\n")
        .append("  done\n")
        .append("  echo \"  ")
        .append(doubleQuoted(m.get("script.go-on", Shell.comment(replanCommand(plan)))))
        .append("\" >&2\n")
        .append("  exit 1\n")
        .append("}\n")
        .append("check() { # ")
        .append(Shell.comment(m.get("script.check-comment")))
        .append("\n")
        .append("  local content etag want\n")
        .append(read(m, "content", "$2", "$3", CONTENT_FORMAT, "script.cannot-read"))
        .append(read(m, "etag", "$2", "$3", ETAG_FORMAT, "script.cannot-read"))
        .append("  want=\"$(printf '%s' \"$4\")\" # ")
        .append(Shell.comment(m.get("script.want-comment")))
        .append('\n')
        .append("  if [[ -n \"$4\" && \"$etag\" != \"$want\" ]]; then\n")
        .append("    ")
        .append(stop(m, "script.changed-since", "$2", "$3", "$etag", "$want"))
        .append('\n')
        .append("  fi\n")
        .append("  printf -v \"seen_$1\" '%s' \"$content\"\n")
        .append("}\n")
        .append("write() { # ")
        .append(Shell.comment(m.get("script.write-comment")))
        .append("\n")
        .append(
            "  local step=\"$1\" perimeter=\"$2\" policy=\"$3\" seen=\"seen_$1\" etag content result\n")
        .append("  shift 3\n")
        .append(read(m, "etag", "$perimeter", "$policy", ETAG_FORMAT, "script.cannot-read-before"))
        .append(
            read(
                m, "content", "$perimeter", "$policy", CONTENT_FORMAT, "script.cannot-read-before"))
        .append("  if [[ \"$content\" != \"${!seen}\" ]]; then\n")
        .append("    ")
        .append(stop(m, "script.changed-while", "$perimeter", "$policy"))
        .append('\n')
        .append("  fi\n")
        .append("  result=\"$(\"$@\" --etag=\"$etag\" --format=\"$fields\")\" || ")
        .append(stop(m, "script.cannot-write", "$perimeter", "$policy"))
        .append('\n')
        .append("  printf -v \"$seen\" '%s' \"$result\" # ")
        .append(Shell.comment(m.get("script.seen-comment")))
        .append('\n')
        .append("  state[$step]=partly\n")
        .append("}\n")
        .append("step() { # ")
        .append(Shell.comment(m.get("script.step-comment")))
        .append("\n")
        .append("  local step=\"$1\"\n")
        .append("  shift\n")
        .append("  \"$@\" || ")
        .append(stop(m, "script.step-failed", "${names[$step]}"))
        .append('\n')
        .append("  state[$step]=partly\n")
        .append("}\n")
        .append("finished() { state[$1]=done; }\n");
    List<ServicePerimeter> unchecked =
        plan.perimeters().stream()
            .map(PerimeterChange::before)
            .filter(p -> p.etag().isEmpty())
            .toList();
    if (!unchecked.isEmpty()) {
      out.append("# ")
          .append(
              m.get(
                  "gcloud.no-etag",
                  Shell.comment(
                      String.join(", ", unchecked.stream().map(ServicePerimeter::name).toList()))))
          .append('\n');
    }
    int index = 0;
    for (PerimeterChange change : plan.perimeters()) {
      ServicePerimeter p = change.before();
      out.append("check ")
          .append(index++)
          .append(' ')
          .append(Shell.quote(p.shortName()))
          .append(' ')
          .append(Shell.quote(p.policyNumber()))
          .append(' ')
          .append(Shell.quote(p.etag()))
          .append('\n');
    }
  }

  /**
   * The command that audits and plans again, as the plan was made: its verify command with {@code
   * plan} for {@code audit}, the renderer and the stage.
   */
  static String replanCommand(FixPlan plan) {
    String verify = plan.verifyCommand();
    String audit = "vpcsc-audit audit ";
    int at = verify.lastIndexOf(audit); // after an export's "gcloud ... > file &&", if any
    String base =
        at < 0
            ? verify
            : verify.substring(0, at) + "vpcsc-audit plan " + verify.substring(at + audit.length());
    return base + " --as gcloud" + (plan.stage() == Stage.ENFORCE ? " --stage enforce" : "");
  }

  /** A gcloud command must never lose a field: refuse the perimeter, naming the field. */
  private static void refuseLossyCopy(PerimeterChange change) {
    ServicePerimeter p = change.before();
    boolean copies =
        !p.useExplicitDryRunSpec() && change.changes().stream().anyMatch(ConfigChange::spec);
    if (!copies || p.status() == null || p.status().vpcAccessibleServices() == null) {
      return;
    }
    var vpc = p.status().vpcAccessibleServices();
    List<String> lost = new ArrayList<>();
    if (!vpc.allowedServicePatterns().isEmpty()) {
      lost.add("status." + LOST_BY_GCLOUD_SPEC_COPY.get(0));
    }
    if (!vpc.servicePatternsEnforcementScopes().isEmpty()) {
      lost.add("status." + LOST_BY_GCLOUD_SPEC_COPY.get(1));
    }
    if (!lost.isEmpty()) {
      throw BadInputException.at(
          p.name(), Text.of("gcloud.spec-copy-loses", Text.listWith("list.and", lost)));
    }
  }

  /**
   * The message {@code key} for a double-quoted bash string, its placeholders the shell expansions
   * {@code vars} (e.g. {@code $2}, {@code ${names[$i]}}): the message's own text is escaped so that
   * only those expand, in any language.
   */
  private static String say(Messages m, String key, String... vars) {
    Object[] markers = new Object[vars.length];
    for (int i = 0; i < vars.length; i++) {
      markers[i] = "\u0001" + i + "\u0001";
    }
    String text = doubleQuoted(m.get(key, markers)); // the bundle's text: no control character
    for (int i = 0; i < vars.length; i++) {
      text = text.replace("\u0001" + i + "\u0001", vars[i]);
    }
    return text;
  }

  private static final String CONTENT_FORMAT = "\"$fields\"";
  private static final String ETAG_FORMAT = "'value(etag)'";

  /**
   * {@code VAR="$(describe PERIMETER POLICY FORMAT)" || stop "..."}: one read of a perimeter in the
   * script's helper functions, stopping with the message {@code stopKey} when it fails.
   */
  private static String read(
      Messages m, String var, String perimeter, String policy, String format, String stopKey) {
    return "  "
        + var
        + "=\"$(describe \""
        + perimeter
        + "\" \""
        + policy
        + "\" "
        + format
        + ")\" || "
        + stop(m, stopKey, perimeter, policy)
        + "\n";
  }

  /** {@code stop "MESSAGE"}: the script's exit with the message {@code key} (see {@link #say}). */
  private static String stop(Messages m, String key, String... vars) {
    return "stop \"" + say(m, key, vars) + "\"";
  }

  /** {@code text} inside bash double quotes: backslash, quote, dollar and backtick escaped. */
  private static String doubleQuoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
  }

  private static void header(FixPlan plan, StringBuilder out, Messages m) {
    out.append("# ")
        .append(m.get("gcloud.title-line", ToolVersion.NAME, plan.stage().label()))
        .append('\n');
    out.append("# ")
        .append(
            m.get(
                "plan.subject-line",
                plan.subjectLabel(m),
                Shell.comment(plan.subject()),
                Shell.comment(plan.profile().name())))
        .append('\n');
    // What the script runs: the changes the audit logs hold back are only shown.
    int changed = plan.withoutHeld().perimeters().size();
    if (changed > 0) {
      PlanHeader.comment(
          out,
          m.get(
              (plan.stage() == Stage.DRY_RUN ? "gcloud.changes.dry-run" : "gcloud.changes.enforce")
                  + (changed == 1 ? ".one" : ""),
              changed));
    }
    if (!plan.networkActions().isEmpty()) {
      int n = plan.networkActions().size();
      PlanHeader.comment(out, m.get(n == 1 ? "gcloud.network.one" : "gcloud.network", n));
    }
    for (String line : PlanHeader.lines(plan, m)) {
      out.append("# ").append(Shell.comment(line)).append('\n');
    }
    out.append("# ")
        .append(
            m.get(plan.stage() == Stage.DRY_RUN ? "plan.verify.dry-run" : "plan.verify.enforce"))
        .append("\n#   ")
        .append(Shell.comment(plan.verifyCommand()))
        .append('\n');
  }

  /** The gcloud command of one change, as its arguments (the first holds the command's words). */
  private static List<String> command(ServicePerimeter p, ConfigChange c) {
    List<String> args = new ArrayList<>();
    args.add(
        "gcloud access-context-manager perimeters "
            + (c.spec() ? "dry-run update " : "update ")
            + Shell.quote(p.shortName()));
    args.add(Shell.flag("--policy", p.policyNumber()));
    if (!c.addResources().isEmpty()) {
      args.add(Shell.flag("--add-resources", String.join(",", c.addResources())));
    }
    if (!c.addRestrictedServices().isEmpty()) {
      args.add(
          Shell.flag("--add-restricted-services", String.join(",", c.addRestrictedServices())));
    }
    if (c.enableVpcRestriction()) {
      args.add("--enable-vpc-accessible-services");
    }
    if (!c.addVpcAllowedServices().isEmpty()) {
      args.add(
          Shell.flag("--add-vpc-allowed-services", String.join(",", c.addVpcAllowedServices())));
    }
    return args;
  }
}
