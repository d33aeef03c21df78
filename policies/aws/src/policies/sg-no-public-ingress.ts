import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { awsTags, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import {
    describePorts,
    ingressRule,
    inlineIngress,
    type IngressRule,
    isWebOnly,
    publicSources,
    securityGroupRuleIngress,
} from "../ingress.js";

/** Tag (and value) that marks a security group as an internet-facing load balancer's. */
export const EXPOSURE_TAG = "exposure";
export const INTERNET_FACING_LB = "internet-facing-lb";

const FIX = `restrict the source CIDRs; only tcp/80 and tcp/443 on a security group tagged ${EXPOSURE_TAG}: ${INTERNET_FACING_LB} may be open to the internet.`;

function isLoadBalancerGroup(sg: PolicyResource | undefined): boolean {
    return sg !== undefined && awsTags(sg)[EXPOSURE_TAG] === INTERNET_FACING_LB;
}

function violates(rule: IngressRule, sg: PolicyResource | undefined): string[] {
    const sources = publicSources(rule);
    if (sources.length === 0 || (isWebOnly(rule) && isLoadBalancerGroup(sg))) return [];
    return sources;
}

/**
 * No ingress from 0.0.0.0/0 or ::/0 (CKV_AWS_24/260), except tcp/80 and tcp/443 on security groups
 * tagged `exposure: internet-facing-lb`. A stack policy: standalone rules need their security
 * group's tags, found through `securityGroupId`. A rule whose group is not in the stack gets no
 * exception, since its tag cannot be checked.
 */
export const sgNoPublicIngress: StackValidationPolicy = {
    name: "aws-sg-no-public-ingress",
    description: "Security groups allow no ingress from the internet except web ports on load balancers.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_24: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22",
        CKV_AWS_25: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 3389",
        CKV_AWS_260: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 80",
        CKV_AWS_277: "Ensure no security groups allow ingress from 0.0.0.0:0 to port -1",
    }),
    remediationSteps:
        "Restrict the ingress source CIDRs to known ranges, or reference other security groups; to serve the internet, put the service behind a load balancer whose security group is tagged exposure: internet-facing-lb and opens only tcp/80 and tcp/443.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
    validateStack: (args, reportViolation) => {
        const groups = resourcesOfTypes(args.resources, AWS_TYPES.securityGroup);
        for (const sg of groups) {
            for (const rule of inlineIngress(sg.props)) {
                const sources = violates(rule, sg);
                if (sources.length > 0) {
                    reportViolation(
                        `security group ${resourceLabel(sg)} allows ingress from ${sources.join(", ")} on ${describePorts(rule)}; ${FIX}`,
                        sg.urn,
                    );
                }
            }
        }
        const standalone = [
            ...resourcesOfTypes(args.resources, AWS_TYPES.securityGroupRule).map((r) => ({ r, rule: securityGroupRuleIngress(r.props) })),
            ...resourcesOfTypes(args.resources, AWS_TYPES.securityGroupIngressRule).map((r) => ({ r, rule: ingressRule(r.props) })),
        ];
        for (const { r, rule } of standalone) {
            if (!rule) continue;
            const sg = referencedResources(r, "securityGroupId", groups)[0];
            const sources = violates(rule, sg);
            if (sources.length > 0) {
                const target = sg ? `security group ${resourceLabel(sg)}` : "its security group";
                reportViolation(
                    `security group rule ${resourceLabel(r)} opens ${target} to ${sources.join(", ")} on ${describePorts(rule)}; ${FIX}`,
                    r.urn,
                );
            }
        }
    },
};
