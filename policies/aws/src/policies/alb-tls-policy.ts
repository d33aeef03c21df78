import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, checkov, resourceLabel, seedTags } from "@platform/policy-kit";
import { applicationListeners } from "../alb.js";

/** ELB policies that offer TLS 1.3 and nothing older than 1.2 (`ELBSecurityPolicy-TLS13-1-2-*`, `-TLS13-1-3-*`). */
export const TLS13_POLICY = /^ELBSecurityPolicy-TLS13-1-[23]-/;

/**
 * Every HTTPS listener of an Application Load Balancer negotiates TLS 1.3 where the client can and
 * never below 1.2 (CKV_AWS_103, CKV2_AWS_74; seed 002 "TLS 1.3 for all communications"): its
 * `sslPolicy` is an `ELBSecurityPolicy-TLS13-1-2-*` or `-TLS13-1-3-*` policy. Unset is the
 * provider's default `ELBSecurityPolicy-2016-08`, which accepts TLS 1.0. Plain HTTP listeners are
 * `aws-alb-https-redirect`'s.
 */
export const albTlsPolicy: StackValidationPolicy = {
    name: "aws-alb-tls-policy",
    description: "HTTPS listeners of Application Load Balancers use a TLS 1.3 policy with nothing below TLS 1.2.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_103: "Ensure that load balancer is using at least TLS 1.2",
        CKV2_AWS_74: "Ensure AWS Load Balancers use strong ciphers",
    }),
    tags: seedTags("002"),
    remediationSteps: 'Set sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" (or a TLS13-1-2 / TLS13-1-3 variant) on the listener.',
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    validateStack: (args, reportViolation) => {
        for (const { listener } of applicationListeners(args.resources)) {
            if (asString(listener.props["protocol"]) !== "HTTPS") continue;
            const policy = asString(listener.props["sslPolicy"]);
            if (policy !== undefined && TLS13_POLICY.test(policy)) continue;
            reportViolation(
                `listener ${resourceLabel(listener)} ${policy === undefined ? "does not set sslPolicy (the default ELBSecurityPolicy-2016-08 accepts TLS 1.0)" : `uses ${policy}`}; use ELBSecurityPolicy-TLS13-1-2-2021-06.`,
                listener.urn,
            );
        }
    },
};
