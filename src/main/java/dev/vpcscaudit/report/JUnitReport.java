package dev.vpcscaudit.report;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Check;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.Severity;
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
    String project = "projects/" + result.project().number();
    List<List<Case>> suites = new ArrayList<>();
    List<Mode> modes = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      List<Case> cases = new ArrayList<>();
      for (Check c : result.checks()) {
        if (c.mode() != mode) {
          continue;
        }
        // Info findings are notes, not failures.
        Finding failure =
            c.failure() == null || c.failure().severity() == Severity.INFO ? null : c.failure();
        cases.add(new Case(c.subject(), c.name(), failure));
      }
      if (cases.isEmpty()) {
        continue;
      }
      suites.add(cases);
      modes.add(mode);
    }

    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", ToolVersion.NAME + " " + project + " " + result.profile().name());
      x.writeAttribute("tests", String.valueOf(suites.stream().mapToInt(List::size).sum()));
      x.writeAttribute(
          "failures",
          String.valueOf(
              suites.stream().flatMap(List::stream).filter(c -> c.failure() != null).count()));
      x.writeAttribute("errors", "0");
      x.writeCharacters("\n");
      for (int i = 0; i < suites.size(); i++) {
        List<Case> cases = suites.get(i);
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", modes.get(i).label());
        x.writeAttribute("tests", String.valueOf(cases.size()));
        x.writeAttribute(
            "failures", String.valueOf(cases.stream().filter(c -> c.failure() != null).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeCharacters("\n");
        for (Case c : cases) {
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
            x.writeAttribute("message", xmlSafe(c.failure().message()));
            x.writeCharacters(
                xmlSafe(c.failure().message() + "\nfix: " + c.failure().rule().help()));
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
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return out.toString();
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
