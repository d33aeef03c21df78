import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { awsTags, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { egressRule, inlineEgress, isAllTraffic, type SecurityGroupRule, securityGroupRuleEgress } from "../egress.js";
import { publicSources } from "../ingress.js";

/** Tag (and value) that marks a security group whose hosts must reach arbitrary internet endpoints. */
export const EGRESS_TAG = "egress";
export const EGRESS_INTERNET = "internet";

const FIX = `name the protocols and ports (e.g. tcp/443) or the destination CIDRs the hosts need; only a security group tagged ${EGRESS_TAG}: ${EGRESS_INTERNET} may send all traffic to the internet.`;

function mayReachInternet(sg: PolicyResource | undefined): boolean {
    return sg !== undefined && awsTags(sg)[EGRESS_TAG] === EGRESS_INTERNET;
}

function violates(rule: SecurityGroupRule, sg: PolicyResource | undefined): string[] {
    if (!isAllTraffic(rule) || mayReachInternet(sg)) return [];
    return publicSources(rule);
}

/**
 * No security group sends all traffic (every protocol and port, protocol "-1") to 0.0.0.0/0 or ::/0
 * (CKV_AWS_382): a compromised host then reaches any service anywhere, and data leaves on any port.
 * One exemption, by tag: a group tagged `egress: internet` whose hosts must reach endpoints that
 * cannot be listed (EKS nodes: image registries, AWS APIs through NAT and the VPC endpoints), like
 * the ingress policy's `exposure` tag. A stack policy: standalone rules need their group's tags,
 * found through `securityGroupId`; a rule whose group is not in the stack gets no exemption.
 * Checkov 3.3.30 reads no rule of `aws.vpc.SecurityGroupEgressRule` without ports as open; this
 * does (protocol "-1" takes no ports).
 */
export const sgNoPublicEgressAll: StackValidationPolicy = {
    name: "aws-sg-no-public-egress-all",
    description: "Security groups send no all-traffic egress to the internet, except groups tagged egress: internet.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_382: "Ensure no security groups allow egress from 0.0.0.0:0 to port -1" }),
    remediationSteps:
        "Replace the all-traffic egress rule to 0.0.0.0/0 by rules for the protocols and ports the hosts use (tcp/443 to the internet, the VPC CIDR for the rest); tag the group egress: internet only when its hosts must reach arbitrary internet endpoints (EKS nodes).",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    validateStack: (args, reportViolation) => {
        const groups = resourcesOfTypes(args.resources, AWS_TYPES.securityGroup);
        for (const sg of groups) {
            for (const rule of inlineEgress(sg.props)) {
                const destinations = violates(rule, sg);
                if (destinations.length > 0) {
                    reportViolation(`security group ${resourceLabel(sg)} sends all traffic to ${destinations.join(", ")}; ${FIX}`, sg.urn);
                }
            }
        }
        const standalone = [
            ...resourcesOfTypes(args.resources, AWS_TYPES.securityGroupRule).map((r) => ({ r, rule: securityGroupRuleEgress(r.props) })),
            ...resourcesOfTypes(args.resources, AWS_TYPES.securityGroupEgressRule).map((r) => ({ r, rule: egressRule(r.props) })),
        ];
        for (const { r, rule } of standalone) {
            if (!rule) continue;
            const sg = referencedResources(r, "securityGroupId", groups)[0];
            const destinations = violates(rule, sg);
            if (destinations.length > 0) {
                const from = sg ? `security group ${resourceLabel(sg)}` : "its security group";
                reportViolation(
                    `security group rule ${resourceLabel(r)} lets ${from} send all traffic to ${destinations.join(", ")}; ${FIX}`,
                    r.urn,
                );
            }
        }
    },
};
