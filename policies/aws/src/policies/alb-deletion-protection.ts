import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";

/**
 * In prod and dr, load balancers refuse deletion (CKV_AWS_150): deleting the public one takes
 * every public hostname down, and a new one gets a new DNS name. Unset is off.
 */
export const albDeletionProtection: StackValidationPolicy = {
    name: "aws-alb-deletion-protection",
    description: "Production load balancers have deletion protection.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_150: "Ensure that Load Balancer has deletion protection enabled" }),
    remediationSteps: "In prod and dr, set enableDeletionProtection: true on the load balancer.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
    validateStack: (args, reportViolation) => {
        for (const lb of resourcesOfTypes(args.resources, AWS_TYPES.lbLoadBalancer)) {
            const environment = productionEnvironmentOf(lb, args.resources);
            if (environment === undefined || lb.props["enableDeletionProtection"] === true) continue;
            reportViolation(
                `load balancer ${resourceLabel(lb)} is in ${environment} but ${lb.props["enableDeletionProtection"] === undefined ? "does not set" : "turns off"} enableDeletionProtection; set enableDeletionProtection: true.`,
                lb.urn,
            );
        }
    },
};
