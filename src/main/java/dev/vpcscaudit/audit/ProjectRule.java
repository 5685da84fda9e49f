package dev.vpcscaudit.audit;

/** A rule about the project as a whole (its membership), evaluated once per audit. */
public interface ProjectRule extends Rule {

  /** Reports one check per mode it evaluates through {@code out}. */
  void check(AuditInput input, Results out);

  /** Where a project rule reports. */
  interface Results {
    /** A check in {@code mode} about the project; {@code failure} null when it passed. */
    void check(Mode mode, Severity severity, dev.vpcscaudit.i18n.Text message, Remedies remedies);

    void pass(Mode mode);
  }
}
