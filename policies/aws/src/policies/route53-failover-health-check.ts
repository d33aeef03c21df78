import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, referencedResources, resourceLabel, resourcesOfTypes, seedTags, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Health check types that speak TLS to the endpoint (the app's public listener is HTTPS only). */
const HTTPS_TYPES = ["HTTPS", "HTTPS_STR_MATCH"];

/** The failover role of a record (`PRIMARY`, `SECONDARY`), or undefined for other routing (or unknown). */
function failoverRole(record: PolicyResource): string | undefined {
    const policies = tryRead(() => asArray(record.props["failoverRoutingPolicies"]));
    if (!policies.known) return undefined;
    return asString(asRecord(policies.value?.[0])?.["type"]);
}

/**
 * A PRIMARY failover record carries an HTTPS health check (seed 003: failover routing, AWS primary,
 * GCP secondary). Without one Route 53 treats the primary as always healthy (an alias's own target
 * health only covers the load balancer's targets, not the path to the application), so the
 * secondary never answers and the failover is decoration; a plain-HTTP check probes a listener the
 * application does not serve. No Checkov check covers this (CKV2_AWS_23 asks only that an A record
 * points at a resource).
 */
export const route53FailoverHealthCheck: StackValidationPolicy = {
    name: "aws-route53-failover-health-check",
    description: "Primary failover records have an HTTPS Route 53 health check.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("003"),
    remediationSteps:
        "Create a route53.HealthCheck of type HTTPS on the primary endpoint (path, port 443, failureThreshold, requestInterval) and set the PRIMARY record's healthCheckId to it (AwsDnsFailover does).",
    url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-configuring.html",
    validateStack: (args, reportViolation) => {
        const checks = resourcesOfTypes(args.resources, AWS_TYPES.route53HealthCheck);
        for (const record of resourcesOfTypes(args.resources, AWS_TYPES.route53Record)) {
            if (failoverRole(record) !== "PRIMARY") continue;
            const id = tryRead(() => asString(record.props["healthCheckId"]));
            if (id.known && id.value === undefined && (record.propertyDependencies["healthCheckId"] ?? []).length === 0) {
                reportViolation(
                    `primary failover record ${resourceLabel(record)} has no health check, so Route 53 never fails over; set healthCheckId to an HTTPS route53.HealthCheck on the primary.`,
                    record.urn,
                );
                continue;
            }
            for (const check of referencedResources(record, "healthCheckId", checks)) {
                const type = tryRead(() => asString(check.props["type"]));
                if (!type.known || (type.value !== undefined && HTTPS_TYPES.includes(type.value))) continue;
                reportViolation(
                    `health check ${resourceLabel(check)} of primary failover record ${resourceLabel(record)} is of type ${type.value ?? "(unset)"}; use HTTPS (the application's listener).`,
                    check.urn,
                );
            }
        }
    },
};
