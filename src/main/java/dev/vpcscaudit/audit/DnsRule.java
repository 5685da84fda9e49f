package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.DnsAnswer;

/** A rule about what one host name resolves to. */
public interface DnsRule extends Rule {

  void check(DnsAnswer answer, SubjectResults out);

  /** Every DNS rule reports into the one check per name, so a name is one test case. */
  static String checkName(String name) {
    return "resolves-to-restricted-vip " + name;
  }
}
