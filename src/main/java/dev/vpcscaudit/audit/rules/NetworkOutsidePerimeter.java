package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AuditInput;
import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ProjectRule;
import dev.vpcscaudit.network.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code network-outside-perimeter} (with {@code --network}): the VPC network where the cluster's
 * Interconnect or VPN attachments land, or its project, must be in the regular perimeter that holds
 * the project, or be admitted to it by an ingress rule; else every request from the cluster is
 * refused as coming from outside. See {@link Reach}.
 */
public final class NetworkOutsidePerimeter extends BaseRule implements ProjectRule {

  public NetworkOutsidePerimeter() {
    super("network-outside-perimeter", Category.PERIMETER);
  }

  @Override
  public void check(AuditInput in, Results out) {
    Placement p = in.placement();
    if (p == null || p.network() == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    names.add(p.network());
    if (p.networkProject() != null) {
      names.add(p.networkProject());
    }
    Reach.check(
        in,
        new Reach.Place(
            p.networkProject() == null
                ? text("label", p.network())
                : text("label-project", p.network(), p.networkProject()),
            names,
            p.network(),
            p.networkProject()),
        out);
  }
}
