import type { StackValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, checkov, resourceLabel } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { resourcesOfTypes } from "@platform/policy-kit";

/**
 * Every load balancer writes access logs (CKV_AWS_91): `accessLogs: { enabled: true, bucket }`.
 * Unset `accessLogs`, or `enabled` unset (false) or a missing bucket, is no logging: a request that
 * WAF allowed cannot be traced afterwards.
 */
export const albAccessLogs: StackValidationPolicy = {
    name: "aws-alb-access-logs",
    description: "Load balancers write access logs to S3.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_91: "Ensure the ELBv2 (Application/Network) has access logging enabled" }),
    remediationSteps:
        "Set accessLogs: { enabled: true, bucket: <bucket with SSE-S3 and a policy letting the region's ELB account write> } on the load balancer.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
    validateStack: (args, reportViolation) => {
        for (const lb of resourcesOfTypes(args.resources, AWS_TYPES.lbLoadBalancer)) {
            const logs = asRecord(lb.props["accessLogs"]);
            if (logs?.["enabled"] === true && asNonEmptyString(logs["bucket"]) !== undefined) continue;
            const state =
                logs === undefined
                    ? "has no accessLogs"
                    : logs["enabled"] !== true
                      ? "does not enable accessLogs"
                      : "names no access-log bucket";
            reportViolation(`load balancer ${resourceLabel(lb)} ${state}; set accessLogs: { enabled: true, bucket }.`, lb.urn);
        }
    },
};
