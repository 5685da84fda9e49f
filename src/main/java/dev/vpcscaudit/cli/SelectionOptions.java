package dev.vpcscaudit.cli;

import dev.vpcscaudit.gcp.FilePerimeterSource;
import dev.vpcscaudit.gcp.PerimeterSource;
import dev.vpcscaudit.model.ProjectRef;
import dev.vpcscaudit.profile.Profile;
import dev.vpcscaudit.profile.Profiles;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which project, which perimeters and which profile: shared by every command that audits. */
public final class SelectionOptions {

  private static final Pattern POLICY = Pattern.compile("(accessPolicies/)?[0-9]+");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--project",
      required = true,
      paramLabel = "PROJECT",
      description = "The project to audit: an ID (my-proj), a number or projects/NUMBER.")
  String project;

  @Option(
      names = "--policy",
      paramLabel = "POLICY_NUMBER",
      description = "Only the perimeters of this access policy (a number or accessPolicies/NUMBER).")
  String policy;

  @Option(
      names = "--profile",
      paramLabel = "NAME|FILE",
      defaultValue = Profiles.DEFAULT,
      description =
          "A shipped profile name or a profile YAML file (default: ${DEFAULT-VALUE}). See"
              + " 'vpcsc-audit profiles list'.")
  String profile;

  @Option(
      names = "--from-file",
      required = true,
      paramLabel = "FILE",
      description =
          "Offline: the JSON of 'gcloud access-context-manager perimeters list --policy=P"
              + " --format=json' (or one perimeter's 'describe --format=json'). PROJECT must then"
              + " be a number.")
  Path fromFile;

  ProjectRef projectRef() {
    return ProjectRef.parse(project);
  }

  /** The policy number of {@code --policy}, or null. */
  String policyNumber() {
    if (policy == null) {
      return null;
    }
    String p = policy.strip();
    if (!POLICY.matcher(p).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--policy '" + policy + "': expected a policy number or accessPolicies/NUMBER");
    }
    return p.startsWith("accessPolicies/") ? p.substring("accessPolicies/".length()) : p;
  }

  Profile loadProfile() {
    return Profiles.resolve(profile);
  }

  PerimeterSource source() {
    return new FilePerimeterSource(fromFile, policyNumber());
  }
}
