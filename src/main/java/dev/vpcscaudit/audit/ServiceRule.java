package dev.vpcscaudit.audit;

import dev.vpcscaudit.model.SupportedService;
import dev.vpcscaudit.profile.Profile;

/** A rule about one required service, against the supported-services list. */
public interface ServiceRule extends Rule {

  /**
   * @param supported the list's entry for {@code service}, or null when the list lacks it
   */
  void check(String service, SupportedService supported, Profile profile, SubjectResults out);
}
