package dev.vpcscaudit.cli;

import dev.vpcscaudit.codec.PerimeterJsonWriter;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.PerimeterSource;

/**
 * {@code vpcsc-audit export}: writes every perimeter the audit would read for PROJECT as the JSON
 * array that {@code --from-file} takes, so a live read can be kept and audited offline later.
 */
public final class ExportCommand extends ReadingCommand {

  @Override
  void declareOwn(Cmd c) {
    c.describe(
            "Writes every perimeter of every candidate policy of PROJECT as JSON (the shape of"
                + " 'gcloud access-context-manager perimeters list --format=json'), for a later"
                + " 'audit --from-file'.")
        .footer(
            "",
            "Exit codes: 0 written; 2 usage error or bad input; 3 the read could not complete.");
  }

  @Override
  public Integer call() {
    output.checkNotAnInput(allInputs());
    PerimeterSource.Discovery found =
        selection
            .source(null, dev.vpcscaudit.source.FilePerimeterSource.ALL)
            .discover(selection.projectRef());
    for (ServicePerimeter p : found.perimeters()) {
      if (!p.unmodeledFields().isEmpty()) {
        cmd.err()
            .println(
                "warning: "
                    + p.name()
                    + ": fields this version does not model are not exported: "
                    + dev.vpcscaudit.escape.Terminal.clean(String.join(", ", p.unmodeledFields())));
      }
    }
    output.emit(
        PerimeterJsonWriter.write(found.perimeters()),
        found.perimeters().size() + " perimeter(s) to " + output.target());
    return ExitCode.OK.code();
  }
}
