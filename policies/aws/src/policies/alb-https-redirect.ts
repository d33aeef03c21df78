import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, resourceLabel } from "@platform/policy-kit";
import { applicationListeners } from "../alb.js";

/** True when every default action redirects to HTTPS. */
function redirectsToHttps(defaultActions: unknown): boolean {
    const actions = asArray(defaultActions) ?? [];
    return (
        actions.length > 0 &&
        actions.every((a) => {
            const action = asRecord(a) ?? {};
            return asString(action["type"]) === "redirect" && asString(asRecord(action["redirect"])?.["protocol"]) === "HTTPS";
        })
    );
}

/**
 * Application Load Balancers serve nothing over plain HTTP (CKV2_AWS_20, CKV_AWS_2): every listener
 * is HTTPS, or an HTTP listener whose default actions all redirect to HTTPS. Unset `protocol` is
 * HTTP (the provider's default for an ALB).
 */
export const albHttpsRedirect: StackValidationPolicy = {
    name: "aws-alb-https-redirect",
    description: "Application Load Balancer listeners are HTTPS, or redirect HTTP to HTTPS.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV2_AWS_20: "Ensure that ALB redirects HTTP requests into HTTPS ones",
        CKV_AWS_2: "Ensure ALB protocol is HTTPS",
    }),
    remediationSteps:
        'Make the listener HTTPS, or give the HTTP listener the single default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }.',
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html",
    validateStack: (args, reportViolation) => {
        for (const { listener } of applicationListeners(args.resources)) {
            const protocol = asString(listener.props["protocol"]) ?? "HTTP";
            if (protocol === "HTTPS" || redirectsToHttps(listener.props["defaultActions"])) continue;
            reportViolation(
                `listener ${resourceLabel(listener)} serves ${protocol} without redirecting to HTTPS; redirect every request to HTTPS or make it an HTTPS listener.`,
                listener.urn,
            );
        }
    },
};
