package dev.vpcscaudit.cli;

import dev.vpcscaudit.codec.PerimeterJsonWriter;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.source.PerimeterSource;

/**
 * {@code vpcsc-audit export}: writes every perimeter the audit would read for PROJECT as the JSON
 * array that {@code --from-file} takes, so a live read can be kept and audited offline later.
 */
public final class ExportCommand extends ReadingCommand {

  @Override
  void declareOwn(Cmd c) {
    c.describe(Text.of("help.export.describe.1"))
        .footer(Text.verbatim(""), Text.of("help.export.footer.1"));
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
                cmd.messages()
                    .get(
                        "export.unmodeled",
                        p.name(),
                        dev.vpcscaudit.escape.Terminal.clean(
                            String.join(", ", p.unmodeledFields()))));
      }
    }
    output.emit(
        PerimeterJsonWriter.write(found.perimeters()),
        cmd.messages().get("wrote.perimeters", found.perimeters().size(), output.target()));
    return ExitCode.OK.code();
  }
}
