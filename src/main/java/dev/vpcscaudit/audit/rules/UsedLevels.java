package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.model.IngressPolicy;
import dev.vpcscaudit.model.PerimeterConfig;
import dev.vpcscaudit.model.Source;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The access levels a config uses: its {@code accessLevels}, then its ingress rules' sources. */
final class UsedLevels {

  private UsedLevels() {}

  static List<String> of(PerimeterConfig config) {
    Set<String> out = new LinkedHashSet<>(config.accessLevels());
    for (IngressPolicy r : config.ingressPolicies()) {
      if (r.from() != null) {
        for (Source s : r.from().sources()) {
          if (!s.accessLevel().isEmpty() && !s.accessLevel().equals("*")) {
            out.add(s.accessLevel());
          }
        }
      }
    }
    return List.copyOf(out);
  }
}
