package dev.vpcscaudit.cli;

import dev.vpcscaudit.files.InputFiles;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.source.ProjectSelection;
import java.nio.file.Path;
import java.util.List;

/** Many projects in one run: instead of --project, one of these selectors. */
public final class ManyProjectsOptions {

  /** One project a line: 64 MiB holds millions, far more than any organization. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  Cmd cmd;
  boolean allProjects;
  String query;
  Path file;

  void declare(Cmd c) {
    cmd = c;
    c.flag("--all-projects", Text.of("help.all-projects"));
    c.option("--projects-query", "QUERY", Text.of("help.projects-query"));
    c.pathOption("--projects-file", "FILE", Text.of("help.projects-file"), Cmd.Complete.FILE);
    c.exclusive("--all-projects", "--projects-query", "--projects-file");
    c.onParsed(this::read);
  }

  private void read() {
    allProjects = cmd.flag("--all-projects");
    query = cmd.text("--projects-query");
    file = cmd.path("--projects-file");
  }

  /** The selection given, or null when none was (a single --project run). */
  ProjectSelection selection() {
    int given = (allProjects ? 1 : 0) + (query != null ? 1 : 0) + (file != null ? 1 : 0);
    if (given == 0) {
      return null;
    }
    if (allProjects) {
      return new ProjectSelection(ProjectSelection.Kind.ALL, "", List.of());
    }
    if (query != null) {
      if (query.isBlank()) {
        throw cmd.usageOf("usage.empty-query");
      }
      return new ProjectSelection(ProjectSelection.Kind.QUERY, query, List.of());
    }
    java.util.Set<String> listed =
        new java.util.LinkedHashSet<>(); // a line given twice counts once
    String label = "--projects-file " + file;
    String text = InputFiles.readText(file, label, MAX_BYTES);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark, as some editors on Windows write
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceAll("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        dev.vpcscaudit.model.ProjectRef.parse(line);
      } catch (dev.vpcscaudit.error.BadInputException e) {
        throw dev.vpcscaudit.error.BadInputException.at(
            label,
            dev.vpcscaudit.i18n.Text.of(
                "usage.projects-file-line", i + 1, dev.vpcscaudit.escape.Terminal.clean(line)));
      }
      listed.add(line);
    }
    if (listed.isEmpty()) {
      throw dev.vpcscaudit.error.BadInputException.at(
          label, dev.vpcscaudit.i18n.Text.of("usage.projects-file-empty"));
    }
    return new ProjectSelection(ProjectSelection.Kind.FILE, "", List.copyOf(listed));
  }

  /** The selector given, as flags for a command line the user can paste. */
  String args() {
    if (allProjects) {
      return "--all-projects";
    }
    if (query != null) {
      return "--projects-query " + dev.vpcscaudit.escape.Shell.quote(query);
    }
    return "--projects-file " + dev.vpcscaudit.escape.Shell.quote(String.valueOf(file));
  }

  Path file() {
    return file;
  }
}
