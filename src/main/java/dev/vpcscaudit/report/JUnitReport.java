package dev.vpcscaudit.report;

import dev.vpcscaudit.ToolVersion;
import dev.vpcscaudit.audit.AuditEngine;
import dev.vpcscaudit.audit.AuditResult;
import dev.vpcscaudit.audit.Finding;
import dev.vpcscaudit.audit.Mode;
import dev.vpcscaudit.audit.PerimeterMembership;
import dev.vpcscaudit.audit.Rule;
import dev.vpcscaudit.audit.Severity;
import dev.vpcscaudit.model.PerimeterType;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
      boolean evaluated =
          mode == Mode.ENFORCED
              || result.perimeters().stream().anyMatch(m -> m.modes().contains(mode))
              || result.findings().stream().anyMatch(f -> f.mode() == mode);
      if (!evaluated) {
        continue;
      }
      Set<Finding> unmatched =
          new LinkedHashSet<>(result.findings().stream().filter(f -> f.mode() == mode).toList());
      List<Case> cases = new ArrayList<>();
      cases.add(check(project, Rule.PROJECT_NOT_IN_PERIMETER, null, null, unmatched));
      for (PerimeterMembership m : result.perimeters()) {
        if (m.type() != PerimeterType.REGULAR || !m.modes().contains(mode)) {
          continue;
        }
        for (String service : result.profile().requiredServices()) {
          cases.add(
              check(m.name(), Rule.REQUIRED_SERVICE_UNRESTRICTED, m.name(), service, unmatched));
        }
        if (result.profile().vpcAccessibleServicesRequired()) {
          cases.add(
              check(m.name(), Rule.VPC_ACCESSIBLE_SERVICES_DISABLED, m.name(), null, unmatched));
          for (String service : result.profile().requiredServices()) {
            cases.add(
                check(m.name(), Rule.VPC_ALLOWED_SERVICE_MISSING, m.name(), service, unmatched));
          }
        }
      }
      if (mode == Mode.ENFORCED && result.servicesChecked()) {
        for (String service : result.profile().requiredServices()) {
          cases.add(check("services", Rule.SERVICE_NOT_SUPPORTED, null, service, unmatched));
          if (result.profile().restrictedVipRequired()) {
            cases.add(
                check("services", Rule.SERVICE_NOT_ON_RESTRICTED_VIP, null, service, unmatched));
          }
        }
      }
      if (mode == Mode.ENFORCED && result.dnsChecked()) {
        for (String name : AuditEngine.dnsNames(result.profile())) {
          Finding failure =
              unmatched.stream()
                  .filter(f -> f.rule().isDnsRule() && name.equals(f.service()))
                  .findFirst()
                  .orElse(null);
          if (failure != null) {
            unmatched.remove(failure);
          }
          cases.add(new Case("dns", "resolves-to-restricted-vip " + name, failure));
        }
      }
      // A finding no check above stands for gets a case of its own; info findings pass.
      for (Finding f : unmatched) {
        String classname =
            f.rule().isServiceRule() ? "services" : f.perimeter() == null ? project : f.perimeter();
        cases.add(
            new Case(
                classname, name(f.rule(), f.service()), f.severity() == Severity.INFO ? null : f));
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
                xmlSafe(c.failure().message() + "\nfix: " + c.failure().rule().fix()));
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

  private static Case check(
      String classname, Rule rule, String perimeter, String service, Set<Finding> unmatched) {
    Finding failure =
        unmatched.stream()
            .filter(
                f ->
                    f.rule() == rule
                        && Objects.equals(f.perimeter(), perimeter)
                        && Objects.equals(f.service(), service))
            .findFirst()
            .orElse(null);
    if (failure != null) {
      unmatched.remove(failure);
    }
    return new Case(classname, name(rule, service), failure);
  }

  private static String name(Rule rule, String service) {
    return service == null ? rule.id() : rule.id() + " " + service;
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
