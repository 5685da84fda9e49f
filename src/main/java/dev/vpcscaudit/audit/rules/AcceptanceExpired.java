package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.Rule;

/**
 * {@code acceptance-expired}: an entry of {@code --accept} that still matches a finding has
 * expired; the finding counts again, and this error says which entry to renew or which finding to
 * fix. Its findings are made by {@link dev.vpcscaudit.audit.Acceptances}, not by evaluating a
 * config.
 */
public final class AcceptanceExpired extends BaseRule implements Rule {

  public AcceptanceExpired() {
    super("acceptance-expired", Category.PERIMETER);
  }
}
