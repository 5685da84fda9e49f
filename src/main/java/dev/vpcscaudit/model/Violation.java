package dev.vpcscaudit.model;

/**
 * One VPC Service Controls denial, from a Policy Denied audit log entry (log {@code
 * cloudaudit.googleapis.com/policy}, {@code protoPayload.metadata} of type {@code
 * type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata}; VPC-SC docs, "VPC Service
 * Controls audit logging"). A dry-run denial carries {@code metadata.dryRun: true}; an enforced one
 * has no {@code dryRun} field at all.
 *
 * @param timestamp the entry's {@code timestamp} (RFC 3339, as the log wrote it)
 * @param dryRun whether the dry-run config denied it (the request went through)
 * @param perimeter the perimeter that denied it ({@code metadata.securityPolicyInfo
 *     .servicePerimeterName}, or that of its ingress or egress violation), or null
 * @param service {@code protoPayload.serviceName}
 * @param method {@code protoPayload.methodName}
 * @param caller {@code protoPayload.authenticationInfo.principalEmail} (may be redacted or empty)
 * @param callerIp {@code protoPayload.requestMetadata.callerIp}, or null
 * @param callerNetwork {@code protoPayload.requestMetadata.callerNetwork}, or null
 * @param reason {@code metadata.violationReason}, e.g. {@code
 *     RESOURCES_NOT_IN_SAME_SERVICE_PERIMETER}
 * @param uniqueId {@code metadata.vpcServiceControlsUniqueId}, to look the denial up
 */
public record Violation(
    String timestamp,
    boolean dryRun,
    String perimeter,
    String service,
    String method,
    String caller,
    String callerIp,
    String callerNetwork,
    String reason,
    String uniqueId) {}
