import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Target group protocols whose health checks are HTTP requests to a path. */
const HTTP_PROTOCOLS = ["HTTP", "HTTPS"];

/**
 * HTTP and HTTPS target groups define their health check (CKV_AWS_261): a `healthCheck` with the
 * `path` the load balancer requests (a readiness endpoint, e.g. Istio's /healthz/ready), and not
 * switched off (`enabled: false`). Without it the load balancer requests `/` and counts any target
 * that answers as healthy, so traffic goes to targets that are up but not ready. Target groups of
 * other protocols (TCP, TLS, UDP, GENEVE) or none (Lambda targets) are not judged.
 */
export const lbTargetGroupHealthCheck: ResourceValidationPolicy = {
    name: "aws-lb-target-group-health-check",
    description: "HTTP and HTTPS target groups define a health check with a path.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_261: "Ensure HTTP HTTPS Target group defines Healthcheck" }),
    remediationSteps:
        'Set healthCheck: { path: "<readiness path>", matcher: "200" } on the target group (the public edge checks the ingress gateway\'s /healthz/ready on its status port), and leave enabled unset or true.',
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.lbTargetGroup], (props, args, reportViolation) => {
        const protocol = asString(props["protocol"]);
        if (protocol === undefined || !HTTP_PROTOCOLS.includes(protocol)) return;
        const check = asRecord(props["healthCheck"]);
        const problem =
            check === undefined
                ? "defines no health check"
                : check["enabled"] === false
                  ? "has its health check switched off (enabled: false)"
                  : asNonEmptyString(check["path"]) === undefined
                    ? "has a health check without a path"
                    : undefined;
        if (problem === undefined) return;
        reportViolation(
            `${protocol} target group ${args.name} ${problem}; set healthCheck.path to the targets' readiness endpoint, so the load balancer sends traffic only to ready targets.`,
        );
    }),
};
