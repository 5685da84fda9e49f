package dev.vpcscaudit.audit;

/** Where a service or DNS rule reports about one subject (a service or a host name). */
public interface SubjectResults {

  /** The check passed; rules call it only for checks a test report should list when passing. */
  void pass();

  void fail(Severity severity, dev.vpcscaudit.i18n.Text message, Remedy remedy);
}
