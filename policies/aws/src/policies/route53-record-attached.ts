import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, asString, checkov, resourceLabel, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Record types whose values are addresses: a record of these must point at something the stack owns. */
const ADDRESS_TYPES = ["A", "AAAA"];

/** What an address record can be attached to: the resource its alias names or its address comes from. */
const ATTACHABLE_TYPES: readonly string[] = [
    AWS_TYPES.lbLoadBalancer,
    AWS_TYPES.eip,
    AWS_TYPES.ec2Instance,
    AWS_TYPES.vpcEndpoint,
    AWS_TYPES.s3Bucket,
    AWS_TYPES.rdsInstance,
    AWS_TYPES.route53Record,
];

/** The failover role of a record (`PRIMARY`, `SECONDARY`), or undefined for other routing. */
function failoverRole(record: PolicyResource): string | undefined {
    const policies = tryRead(() => asArray(record.props["failoverRoutingPolicies"]));
    return policies.known ? asString(asRecord(policies.value?.[0])?.["type"]) : undefined;
}

/** A record's zone or name: the value, null while unknown (a preview), undefined when missing. */
function namePart(record: PolicyResource, field: "zoneId" | "name"): string | null | undefined {
    const read = tryRead(() => asNonEmptyString(record.props[field]));
    return read.known ? read.value : null;
}

/**
 * Whether two records answer for the same zone and name. A part unknown during a preview (the zone
 * comes from the foundation's stack reference, unknown until the foundation is deployed) matches
 * any value: the update evaluates the pair again with both known.
 */
function sameRecordName(a: PolicyResource, b: PolicyResource): boolean {
    return (["zoneId", "name"] as const).every((field) => {
        const x = namePart(a, field);
        const y = namePart(b, field);
        return x !== undefined && y !== undefined && (x === null || y === null || x === y);
    });
}

function hasHealthCheck(record: PolicyResource): boolean {
    const id = tryRead(() => asNonEmptyString(record.props["healthCheckId"]));
    return !id.known || id.value !== undefined || (record.propertyDependencies["healthCheckId"] ?? []).length > 0;
}

/**
 * A SECONDARY failover record whose PRIMARY (same zone and name) carries a health check: the DR
 * failover's standby address belongs to another stack (another cloud), and Route 53 answers with
 * it only while the primary's check fails (aws-route53-failover-health-check).
 */
function isCheckedFailoverSecondary(record: PolicyResource, records: readonly PolicyResource[]): boolean {
    if (failoverRole(record) !== "SECONDARY") return false;
    return records.some((r) => r !== record && failoverRole(r) === "PRIMARY" && sameRecordName(r, record) && hasHealthCheck(r));
}

/**
 * Route 53 address records (A, AAAA) point at a resource of the stack (CKV2_AWS_23): an alias to a
 * load balancer, endpoint, bucket or record, or an address taken from an Elastic IP or instance,
 * linked by property dependency (`aliases` or `records`). A literal address nothing in the stack
 * owns dangles once that address is released, and whoever gets it next receives the domain's
 * traffic (subdomain takeover). One exemption: the SECONDARY record of a failover pair whose
 * PRIMARY has a health check, which points at the DR environment's address in another stack.
 */
export const route53RecordAttached: StackValidationPolicy = {
    name: "aws-route53-record-attached",
    description: "Route 53 address records point at a resource of the stack (an alias or an Elastic IP), not a literal address.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_23: "Route53 A Record has Attached Resource" }),
    remediationSteps:
        "Alias the record to the load balancer (aliases: [{ name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true }]), or take its address from an aws.ec2.Eip of the stack (records: [eip.publicIp]).",
    url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
    validateStack: (args, reportViolation) => {
        const records = resourcesOfTypes(args.resources, AWS_TYPES.route53Record);
        const attachable = new Set(args.resources.filter((r) => ATTACHABLE_TYPES.includes(r.type)).map((r) => r.urn));
        for (const record of records) {
            const type = tryRead(() => asString(record.props["type"]));
            if (!type.known || type.value === undefined || !ADDRESS_TYPES.includes(type.value)) continue;
            const sources = [...(record.propertyDependencies["aliases"] ?? []), ...(record.propertyDependencies["records"] ?? [])];
            if (sources.some((d) => attachable.has(d.urn)) || isCheckedFailoverSecondary(record, records)) continue;
            reportViolation(
                `${type.value} record ${resourceLabel(record)} points at no resource of the stack (an address nothing here owns dangles once released); alias it to the load balancer, or take the address from an Elastic IP of the stack.`,
                record.urn,
            );
        }
    },
};
