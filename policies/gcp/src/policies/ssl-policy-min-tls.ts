import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Every SSL policy accepts TLS 1.2 at least with the MODERN or RESTRICTED profile (CKV_GCP_4: no
 * weak cipher suites; seed 002 "TLS 1.3 for all communications": GCP negotiates 1.3 whenever the
 * client offers it, and 1.2 is the highest minimum it allows). Unset is TLS 1.0 and COMPATIBLE.
 */
export const sslPolicyMinTls: ResourceValidationPolicy = {
    name: "gcp-ssl-policy-min-tls",
    description: "SSL policies require TLS 1.2 or later with the MODERN or RESTRICTED profile.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_4: "Ensure no HTTPS or SSL proxy load balancers permit SSL policies with weak cipher suites" }),
    tags: seedTags("002"),
    remediationSteps: 'Set minTlsVersion: "TLS_1_2" and profile: "RESTRICTED" (or "MODERN").',
    url: "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
    validateResource: validateResourceOfTypes([GCP_TYPES.sslPolicy], (props, args, reportViolation) => {
        const min = asString(props["minTlsVersion"]);
        const profile = asString(props["profile"]);
        if (min !== "TLS_1_2") {
            reportViolation(
                `SSL policy ${args.name} ${min === undefined ? "does not set minTlsVersion (TLS 1.0)" : `sets minTlsVersion: ${min}`}; set "TLS_1_2".`,
            );
        }
        if (profile !== "MODERN" && profile !== "RESTRICTED") {
            reportViolation(
                `SSL policy ${args.name} ${profile === undefined ? "does not set profile (COMPATIBLE)" : `uses the ${profile} profile`}; use RESTRICTED or MODERN.`,
            );
        }
    }),
};
