package dev.vpcscaudit.audit;

/**
 * One check a rule made, passed or failed: what JUnit-style reports list as test cases.
 *
 * @param subject what was checked: the project resource, a perimeter name, {@code services} or
 *     {@code dns}
 * @param name the rule ID, followed by the service or host name when the check is about one
 * @param failure the finding, or null when the check passed
 */
public record Check(Mode mode, String subject, String name, Finding failure) {}
