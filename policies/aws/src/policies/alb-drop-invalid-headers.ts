import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, checkov, resourceLabel } from "@platform/policy-kit";
import { applicationLoadBalancers } from "../alb.js";

/**
 * Application Load Balancers drop header fields with invalid names (CKV_AWS_131) and mitigate HTTP
 * desync as `defensive` or `strictest` (CKV_AWS_328): request smuggling through malformed headers
 * never reaches the gateway. Unset `dropInvalidHeaderFields` is false; unset desync mitigation is
 * `defensive` (accepted).
 */
export const albDropInvalidHeaders: StackValidationPolicy = {
    name: "aws-alb-drop-invalid-headers",
    description: "Application Load Balancers drop invalid header fields and mitigate HTTP desync.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_AWS_131: "Ensure that ALB drops HTTP headers",
        CKV_AWS_328: "Ensure that ALB is configured with defensive or strictest desync mitigation mode",
    }),
    remediationSteps: 'Set dropInvalidHeaderFields: true and desyncMitigationMode: "defensive" or "strictest".',
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
    validateStack: (args, reportViolation) => {
        for (const lb of applicationLoadBalancers(args.resources)) {
            if (lb.props["dropInvalidHeaderFields"] !== true) {
                reportViolation(
                    `load balancer ${resourceLabel(lb)} does not drop invalid header fields; set dropInvalidHeaderFields: true.`,
                    lb.urn,
                );
            }
            const desync = asString(lb.props["desyncMitigationMode"]) ?? "defensive";
            if (desync !== "defensive" && desync !== "strictest") {
                reportViolation(`load balancer ${resourceLabel(lb)} uses desync mitigation ${desync}; use defensive or strictest.`, lb.urn);
            }
        }
    },
};
