import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { publicZones } from "../route53.js";

/**
 * Public hosted zones log their DNS queries (CKV2_AWS_39): a route53.QueryLog on the zone.
 * Query logs show who resolves what (reconnaissance, DNS tunnelling, a name that should not be
 * asked for) and are what an incident responder reads first.
 */
export const route53QueryLogging: StackValidationPolicy = {
    name: "aws-route53-query-logging",
    description: "Public Route 53 hosted zones log their DNS queries.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_39: "Ensure Domain Name System (DNS) query logging is enabled for Amazon Route 53 hosted zones" }),
    remediationSteps:
        "Create a CloudWatch log group /aws/route53/<zone> in us-east-1 (retention, KMS key), a CloudWatch Logs resource policy letting route53.amazonaws.com write to it, and a route53.QueryLog on the zone (AwsDnsZones does with queryLogs).",
    url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html",
    validateStack: (args, reportViolation) => {
        const zones = publicZones(args.resources);
        const logged = new Set(
            resourcesOfTypes(args.resources, AWS_TYPES.route53QueryLog).flatMap((log) =>
                referencedResources(log, "zoneId", zones).map((z) => z.urn),
            ),
        );
        for (const zone of zones) {
            if (logged.has(zone.urn)) continue;
            reportViolation(
                `public hosted zone ${resourceLabel(zone)} does not log its queries; add a route53.QueryLog to a /aws/route53/ log group.`,
                zone.urn,
            );
        }
    },
};
