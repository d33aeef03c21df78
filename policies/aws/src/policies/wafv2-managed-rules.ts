import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The AWS managed rule groups every web ACL runs (issue 12). */
export const REQUIRED_GROUPS: readonly string[] = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
];

/** Managed groups that act: `overrideAction: { none: {} }` (a `count` override only watches). Unset counts as none. */
function enforcedGroups(rules: unknown): string[] {
    return (asArray(rules) ?? []).flatMap((r) => {
        const rule = asRecord(r) ?? {};
        const group = asRecord(asRecord(rule["statement"])?.["managedRuleGroupStatement"]);
        if (group === undefined || asString(group["vendorName"]) !== "AWS") return [];
        const override = asRecord(rule["overrideAction"]);
        return override !== undefined && "count" in override ? [] : [asString(group["name"]) ?? ""];
    });
}

/** True when some rule is a rate-based statement that blocks. */
function hasBlockingRateLimit(rules: unknown): boolean {
    return (asArray(rules) ?? []).some((r) => {
        const rule = asRecord(r) ?? {};
        return (
            asRecord(asRecord(rule["statement"])?.["rateBasedStatement"]) !== undefined && asRecord(rule["action"])?.["block"] !== undefined
        );
    });
}

/**
 * Every WAFv2 web ACL enforces the AWS managed core rule set, known bad inputs (Log4Shell's JNDI
 * lookups among them: CKV_AWS_192, CKV2_AWS_76), SQL injection and IP reputation groups, none
 * overridden to `count`, and a rate-based rule that blocks (seed 002 "rate limiting"; CKV_AWS_175,
 * CKV_AWS_342: the ACL has rules that act).
 */
export const wafv2ManagedRules: StackValidationPolicy = {
    name: "aws-wafv2-managed-rules",
    description: "WAFv2 web ACLs enforce the AWS managed core, known-bad-inputs, SQLi and IP reputation rules and a blocking rate limit.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_192: "Ensure WAF prevents message lookup in Log4j2. See CVE-2021-44228 aka log4jshell",
        CKV2_AWS_76: "Ensure AWS ALB attached WAFv2 WebACL is configured with AMR for Log4j Vulnerability",
        CKV_AWS_175: "Ensure WAF has associated rules",
        CKV_AWS_342: "Ensure WAF rule has any actions",
    }),
    tags: seedTags("002"),
    remediationSteps:
        'Add managedRuleGroupStatement rules (vendorName "AWS") for each required group with overrideAction: { none: {} }, and a rateBasedStatement rule with action: { block: {} } (planWafRules in @platform/network).',
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html",
    validateStack: (args, reportViolation) => {
        for (const acl of resourcesOfTypes(args.resources, AWS_TYPES.wafv2WebAcl)) {
            const enforced = enforcedGroups(acl.props["rules"]);
            const missing = REQUIRED_GROUPS.filter((g) => !enforced.includes(g));
            if (missing.length > 0) {
                reportViolation(
                    `web ACL ${resourceLabel(acl)} does not enforce ${missing.join(", ")}; add them with overrideAction: { none: {} }.`,
                    acl.urn,
                );
            }
            if (!hasBlockingRateLimit(acl.props["rules"])) {
                reportViolation(
                    `web ACL ${resourceLabel(acl)} has no rate-based rule that blocks; add a per-IP rateBasedStatement with action block.`,
                    acl.urn,
                );
            }
        }
    },
};
