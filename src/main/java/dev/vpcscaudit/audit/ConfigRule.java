package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.profile.Profile;
import java.util.List;

/**
 * A rule about one config (enforced status or explicit dry-run spec) of one regular perimeter that
 * holds the project. The engine sets severity and mode and turns the edits into remedies for each
 * stage; the rule only says what is wrong with this config and which additive edits to it fix it.
 */
public interface ConfigRule extends Rule {

  void check(Subject subject, Results out);

  /**
   * The config under audit.
   *
   * @param field {@code status} or {@code spec}, for messages
   * @param resource the audited project, {@code projects/NUMBER} (null in unit tests of rules that
   *     do not need it)
   * @param levels the access levels of the perimeter's policy, or {@link AccessLevels#NOT_READ}
   */
  record Subject(
      ServicePerimeter perimeter,
      PerimeterConfig config,
      String field,
      Profile profile,
      String resource,
      AccessLevels levels) {

    public Subject(
        ServicePerimeter perimeter, PerimeterConfig config, String field, Profile profile) {
      this(perimeter, config, field, profile, null, AccessLevels.NOT_READ);
    }
  }

  /** Where a config rule reports. */
  /**
   * Whether the rule's failures are warnings in both modes (a companion service), rather than the
   * mode's severity (error enforced, warning dry-run).
   */
  default boolean warningOnly() {
    return false;
  }

  interface Results {
    /** The check about {@code service} (or the whole config when null) passed. */
    void pass(String service);

    /** It failed; {@code edits} to the same config fix it. */
    void fail(String service, Text message, List<Edit> edits);

    /**
     * It failed, and no additive change fixes it (plans never remove): {@code step} is what a
     * person does. {@code resource} names the part of the config at fault (e.g. {@code
     * status.ingressPolicies[0]}); {@code severity} null means the mode's (error enforced, warning
     * dry-run).
     */
    void manual(String resource, Severity severity, Text message, Text step);
  }
}
