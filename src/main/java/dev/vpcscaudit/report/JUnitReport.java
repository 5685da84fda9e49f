package dev.vpcscaudit.report;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Check;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.i18n.Messages;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The audit as JUnit XML, for CI systems that chart test results: one {@code testsuite} per mode,
 * one {@code testcase} per check (membership, each required service, VPC accessible services),
 * passing or failing. Every finding is a failed test case, warnings included (their {@code type}
 * says which); whether they fail the build is {@code --fail-on}'s business.
 */
public final class JUnitReport {

  private JUnitReport() {}

  /** One check: where, what, and the finding that failed it (null when it passed). */
  private record Case(String classname, String name, Finding failure) {}

  public static String render(AuditResult result) {
    return render(result, Messages.EN);
  }

  /** As {@link #render(AuditResult)}, the failure messages in the language of {@code m}. */
  public static String render(AuditResult result, Messages m) {
    StringWriter out = new StringWriter();
    write(
        ToolVersion.NAME + " projects/" + result.project().number() + " " + result.profile().name(),
        List.of(new ProjectOutcome(result.project(), result, null)),
        /* prefixSuites= */ false,
        out,
        m);
    return out.toString();
  }

  /**
   * One document for several projects: each project's suites are named after it, and a project that
   * could not be read is a suite with one errored test case.
   */
  public static String render(String name, List<ProjectOutcome> outcomes, boolean prefixSuites) {
    StringWriter out = new StringWriter();
    write(name, outcomes, prefixSuites, out, Messages.EN);
    return out.toString();
  }

  /**
   * As {@link #render(String, List, boolean)}, written to {@code out} as it is rendered (the report
   * of thousands of projects is never held whole in memory).
   */
  public static void write(
      String name,
      List<ProjectOutcome> outcomes,
      boolean prefixSuites,
      java.io.Writer out,
      Messages m) {
    record Suite(String name, List<Case> cases, String error) {}
    List<Suite> suites = new ArrayList<>();
    for (ProjectOutcome o : outcomes) {
      String prefix = prefixSuites ? o.name() + " " : "";
      if (o.result() == null) {
        suites.add(new Suite(prefix + "unreadable", List.of(), o.error().in(m)));
        continue;
      }
      for (Mode mode : Mode.values()) {
        List<Case> cases = new ArrayList<>();
        for (Check c : o.result().checks()) {
          if (c.mode() != mode) {
            continue;
          }
          // Info findings are notes, not failures.
          Finding failure =
              c.failure() == null || c.failure().severity() == Severity.INFO ? null : c.failure();
          cases.add(new Case(c.subject(), c.name(), failure));
        }
        if (!cases.isEmpty()) {
          suites.add(new Suite(prefix + mode.label(), cases, null));
        }
      }
    }
    long tests = suites.stream().mapToLong(su -> su.error() != null ? 1 : su.cases().size()).sum();
    long failures =
        suites.stream().flatMap(su -> su.cases().stream()).filter(c -> c.failure() != null).count();
    long errors = suites.stream().filter(su -> su.error() != null).count();

    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", name);
      x.writeAttribute("tests", String.valueOf(tests));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeCharacters("\n");
      for (Suite suite : suites) {
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", suite.name());
        x.writeAttribute("tests", String.valueOf(suite.error() != null ? 1 : suite.cases().size()));
        x.writeAttribute(
            "failures",
            String.valueOf(suite.cases().stream().filter(c -> c.failure() != null).count()));
        x.writeAttribute("errors", suite.error() != null ? "1" : "0");
        x.writeAttribute("skipped", "0");
        x.writeCharacters("\n");
        if (suite.error() != null) {
          x.writeCharacters("    ");
          x.writeStartElement("testcase");
          x.writeAttribute("classname", suite.name().replace(" unreadable", ""));
          x.writeAttribute("name", "read");
          x.writeStartElement("error");
          x.writeAttribute("message", xmlSafe(suite.error()));
          x.writeEndElement();
          x.writeEndElement();
          x.writeCharacters("\n");
        }
        for (Case c : suite.cases()) {
          x.writeCharacters("    ");
          if (c.failure() == null) {
            x.writeEmptyElement("testcase");
            x.writeAttribute("classname", c.classname());
            x.writeAttribute("name", c.name());
          } else {
            x.writeStartElement("testcase");
            x.writeAttribute("classname", c.classname());
            x.writeAttribute("name", c.name());
            x.writeStartElement("failure");
            x.writeAttribute("type", c.failure().severity().label());
            x.writeAttribute("message", xmlSafe(c.failure().message().in(m)));
            x.writeCharacters(
                xmlSafe(
                    c.failure().message().in(m)
                        + "\n"
                        + m.get("text.fix")
                        + c.failure().rule().helpText().in(m)));
            x.writeEndElement();
            x.writeEndElement();
          }
          x.writeCharacters("\n");
        }
        x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close(); // closes the XML writer, not out
    } catch (XMLStreamException e) {
      if (e.getCause() instanceof java.io.IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
  }

  /** XML 1.0 cannot carry most control characters, even escaped. */
  private static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean ok =
                  cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || cp >= 0x20 && cp <= 0xD7FF
                      || cp >= 0xE000 && cp <= 0xFFFD
                      || cp >= 0x10000;
              if (ok) {
                out.appendCodePoint(cp);
              } else {
                out.append(String.format("\\u%04x", cp));
              }
            });
    return out.toString();
  }
}
