import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, referencedResources, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { applicationLoadBalancers, isInternetFacing } from "../alb.js";

/**
 * Every internet-facing Application Load Balancer is guarded by a WAFv2 web ACL (CKV2_AWS_28;
 * seeds 001 and 003 "AWS WAF", issue 12): an `aws.wafv2.WebAclAssociation` whose `resourceArn` is
 * the load balancer. Unset `internal` is internet-facing. An association whose load balancer is
 * not in the stack counts for nothing.
 */
export const wafv2OnPublicLb: StackValidationPolicy = {
    name: "aws-wafv2-on-public-lb",
    description: "Internet-facing Application Load Balancers are associated with a WAFv2 web ACL.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_AWS_28: "Ensure public facing ALB are protected by WAF" }),
    tags: seedTags("001", "003"),
    remediationSteps: "Add an aws.wafv2.WebAclAssociation with resourceArn: <load balancer ARN> and the environment's REGIONAL web ACL.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html",
    validateStack: (args, reportViolation) => {
        const associations = resourcesOfTypes(args.resources, AWS_TYPES.wafv2WebAclAssociation);
        for (const lb of applicationLoadBalancers(args.resources).filter(isInternetFacing)) {
            if (associations.some((a) => referencedResources(a, "resourceArn", [lb]).length > 0)) continue;
            reportViolation(
                `internet-facing load balancer ${resourceLabel(lb)} has no WAFv2 web ACL association; associate the web ACL.`,
                lb.urn,
            );
        }
    },
};
