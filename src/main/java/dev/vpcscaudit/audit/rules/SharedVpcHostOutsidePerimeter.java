package dev.vpcscaudit.audit.rules;

import dev.vpcscaudit.audit.AuditInput;
import dev.vpcscaudit.audit.BaseRule;
import dev.vpcscaudit.audit.Category;
import dev.vpcscaudit.audit.ProjectRule;
import dev.vpcscaudit.network.Placement;
import java.util.List;

/**
 * {@code shared-vpc-host-outside-perimeter}: "a service perimeter that includes projects that
 * belong to a Shared VPC network must also include the project that hosts the network" (VPC-SC
 * docs, "Troubleshoot common issues"), unless an ingress rule admits it. The host is read live with
 * {@code --network} (Compute Engine {@code projects.getXpnHost}) or given with {@code
 * --shared-vpc-host}. See {@link Reach}.
 */
public final class SharedVpcHostOutsidePerimeter extends BaseRule implements ProjectRule {

  public SharedVpcHostOutsidePerimeter() {
    super("shared-vpc-host-outside-perimeter", Category.PERIMETER);
  }

  @Override
  public void check(AuditInput in, Results out) {
    Placement p = in.placement();
    if (p == null || !p.hostRead()) {
      return;
    }
    if (p.sharedVpcHost() == null || p.sharedVpcHost().equals(in.resource())) {
      // No host (or the project hosts its own network): nothing outside to reach.
      out.pass(dev.vpcscaudit.audit.Mode.ENFORCED);
      return;
    }
    Reach.check(
        in,
        new Reach.Place(
            text("label", p.sharedVpcHost()), List.of(p.sharedVpcHost()), null, p.sharedVpcHost()),
        out);
  }
}
