import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Headers WAF logs must never hold in clear. */
export const MUST_REDACT: readonly string[] = ["authorization", "cookie"];

/**
 * Every WAFv2 web ACL logs (CKV2_AWS_31): an `aws.wafv2.WebAclLoggingConfiguration` whose
 * `resourceArn` is the ACL, with a destination, that redacts the Authorization and Cookie headers
 * (`redactedFields: [{ singleHeader: { name } }]`, case-insensitive): the logs keep every blocked
 * and allowed request, and must not keep credentials or sessions with them.
 */
export const wafv2Logging: StackValidationPolicy = {
    name: "aws-wafv2-logging",
    description: "WAFv2 web ACLs log, with the Authorization and Cookie headers redacted.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_31: "Ensure WAF2 has a Logging Configuration" }),
    remediationSteps:
        'Add an aws.wafv2.WebAclLoggingConfiguration for the ACL, logging to a KMS-encrypted log group named aws-waf-logs-*, with redactedFields [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }].',
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/logging.html",
    validateStack: (args, reportViolation) => {
        const configs = resourcesOfTypes(args.resources, AWS_TYPES.wafv2WebAclLoggingConfiguration);
        for (const acl of resourcesOfTypes(args.resources, AWS_TYPES.wafv2WebAcl)) {
            const mine = configs.filter((c) => referencedResources(c, "resourceArn", [acl]).length > 0);
            const config = mine.find((c) => (asArray(c.props["logDestinationConfigs"]) ?? []).length > 0);
            if (config === undefined) {
                reportViolation(
                    `web ACL ${resourceLabel(acl)} has no logging configuration with a destination; add a WebAclLoggingConfiguration.`,
                    acl.urn,
                );
                continue;
            }
            const redacted = (asArray(config.props["redactedFields"]) ?? []).map((f) =>
                (asString(asRecord(asRecord(f)?.["singleHeader"])?.["name"]) ?? "").toLowerCase(),
            );
            const missing = MUST_REDACT.filter((h) => !redacted.includes(h));
            if (missing.length > 0) {
                reportViolation(
                    `web ACL ${resourceLabel(acl)} logs the ${missing.join(" and ")} header(s) in clear; add them to redactedFields.`,
                    config.urn,
                );
            }
        }
    },
};
