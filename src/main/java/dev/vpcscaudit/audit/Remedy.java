package dev.vpcscaudit.audit;

import dev.vpcscaudit.i18n.Text;
import java.util.List;
import java.util.Objects;

/**
 * How a finding is fixed at one {@link Stage}: by additive {@link FixAction}s that a plan applies,
 * or, when no additive change fixes it at that stage, the reason and the step a person takes.
 */
public sealed interface Remedy {

  /**
   * Fixed by these actions.
   *
   * @param note why the plan chose what it did, for the plan's header; empty for none
   */
  record Fix(List<FixAction> actions, Text note) implements Remedy {
    public Fix {
      actions = List.copyOf(actions);
      if (actions.isEmpty()) {
        throw new IllegalArgumentException("a fix needs at least one action");
      }
      note = Objects.requireNonNullElse(note, Text.verbatim(""));
    }

    public Fix(List<FixAction> actions) {
      this(actions, Text.verbatim(""));
    }
  }

  /**
   * Fixed by additive changes to the VPC network or its Cloud DNS (not to a perimeter): creating a
   * missing route, zone, record or policy, or adding an advertised range.
   */
  record NetworkFix(List<dev.vpcscaudit.network.NetworkAction> actions) implements Remedy {
    public NetworkFix {
      actions = List.copyOf(actions);
      if (actions.isEmpty()) {
        throw new IllegalArgumentException("a network fix needs at least one action");
      }
    }

    /** The actions as gcloud commands. */
    public List<String> commands() {
      return actions.stream().map(dev.vpcscaudit.network.NetworkGcloud::command).toList();
    }
  }

  /**
   * No additive change of this stage fixes it.
   *
   * @param reason why, e.g. "already staged in the dry-run spec of P"
   * @param step what a person does instead, e.g. the exact command
   */
  record Manual(Text reason, Text step) implements Remedy {
    public Manual {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(step, "step");
    }
  }

  /**
   * Fixable only once the user chooses, e.g. which perimeter to add the project to ({@code
   * --target-perimeter}); a plan that meets it stops with {@code message} (exit 2).
   */
  record NeedsChoice(Text message) implements Remedy {
    public NeedsChoice {
      Objects.requireNonNull(message, "message");
    }
  }
}
