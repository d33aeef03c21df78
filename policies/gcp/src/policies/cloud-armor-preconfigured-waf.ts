import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asBoolean, asRecord, asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** The preconfigured WAF rule sets (OWASP CRS 3.3) every Cloud Armor policy denies on (issue 12). */
export const REQUIRED_WAF_SETS: readonly string[] = [
    "sqli-v33-stable",
    "xss-v33-stable",
    "lfi-v33-stable",
    "rfi-v33-stable",
    "rce-v33-stable",
];

/** The preconfigured sets a rule enforces: a deny action, not in preview. */
function enforcedSets(rules: unknown): string[] {
    return (asArray(rules) ?? []).flatMap((r) => {
        const rule = asRecord(r) ?? {};
        if (!(asString(rule["action"]) ?? "").startsWith("deny") || asBoolean(rule["preview"]) === true) return [];
        const expression = asString(asRecord(asRecord(rule["match"])?.["expr"])?.["expression"]) ?? "";
        return [...expression.matchAll(/evaluatePreconfigured(?:Waf|Expr)\('([a-z0-9-]+)'/g)].map((m) => m[1] ?? "");
    });
}

/** True when some rule bans or throttles by rate (`rate_based_ban` or `throttle` with rate limit options). */
function hasRateLimit(rules: unknown): boolean {
    return (asArray(rules) ?? []).some((r) => {
        const rule = asRecord(r) ?? {};
        const action = asString(rule["action"]);
        return (
            (action === "rate_based_ban" || action === "throttle") &&
            asRecord(rule["rateLimitOptions"]) !== undefined &&
            asBoolean(rule["preview"]) !== true
        );
    });
}

/**
 * Every Cloud Armor security policy denies on the OWASP CRS 3.3 injection, XSS, file inclusion and
 * remote code execution rule sets and on `cve-canary` (Log4Shell: CKV_GCP_73), none in preview,
 * and limits each client's request rate (seed 002 "rate limiting"; issue 12). Unset rules are the
 * policy's default allow-all.
 */
export const cloudArmorPreconfiguredWaf: ResourceValidationPolicy = {
    name: "gcp-cloud-armor-preconfigured-waf",
    description: "Cloud Armor policies enforce the OWASP preconfigured WAF rules, cve-canary and a rate limit.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_73: "Ensure Cloud Armor prevents message lookup in Log4j2. See CVE-2021-44228 aka log4jshell" }),
    tags: seedTags("002", "003"),
    remediationSteps:
        "Add deny(403) rules matching evaluatePreconfiguredWaf('<set>-v33-stable', {'sensitivity': 1}) for sqli, xss, lfi, rfi and rce, one matching evaluatePreconfiguredExpr('cve-canary'), and a rate_based_ban rule (planCloudArmorRules in @platform/network).",
    url: "https://cloud.google.com/armor/docs/waf-rules",
    validateResource: validateResourceOfTypes([GCP_TYPES.securityPolicy], (props, args, reportViolation) => {
        const enforced = enforcedSets(props["rules"]);
        const missing = [...REQUIRED_WAF_SETS, "cve-canary"].filter((set) => !enforced.includes(set));
        if (missing.length > 0) {
            reportViolation(
                `Cloud Armor policy ${args.name} does not deny on ${missing.join(", ")}; add deny rules for them (not in preview).`,
            );
        }
        if (!hasRateLimit(props["rules"])) {
            reportViolation(`Cloud Armor policy ${args.name} has no rate limit; add a rate_based_ban rule keyed on the client IP.`);
        }
    }),
};
