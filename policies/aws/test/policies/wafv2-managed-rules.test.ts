import * as assert from "node:assert/strict";
import { wafv2ManagedRules } from "../../src/policies/wafv2-managed-rules.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, GOOD_RULES } from "./alb-fixtures.js";

describe("aws-wafv2-managed-rules", () => {
    it("passes the four AWS managed groups enforced and a blocking rate limit (overrideAction unset counts as none)", async () => {
        const { s, acl } = edgeStack();
        acl("acl");
        acl(
            "unset-override",
            GOOD_RULES.map((r) => ({ ...r, overrideAction: undefined })),
        );
        assert.deepEqual(await runPolicy(wafv2ManagedRules, s), []);
    });

    it("flags a group overridden to count, missing groups, a counting or missing rate limit, and no rules at all", async () => {
        const { s, acl } = edgeStack();
        const counted = acl(
            "counted",
            GOOD_RULES.map((r) => (r.name === "AWSManagedRulesKnownBadInputsRuleSet" ? { ...r, overrideAction: { count: {} } } : r)),
        );
        const rateCount = acl(
            "rate-count",
            GOOD_RULES.map((r, i) => (i === 0 ? { ...r, action: { count: {} } } : r)),
        );
        const empty = acl("empty", []);
        const label = (r: { urn: string }, name: string) => `web ACL acl-${name} (${r.urn})`;
        const rate = "has no rate-based rule that blocks; add a per-IP rateBasedStatement with action block.";
        assert.deepEqual(await runPolicy(wafv2ManagedRules, s), [
            violation(
                wafv2ManagedRules,
                counted.urn,
                `${label(counted, "counted")} does not enforce AWSManagedRulesKnownBadInputsRuleSet; add them with overrideAction: { none: {} }.`,
            ),
            violation(wafv2ManagedRules, rateCount.urn, `${label(rateCount, "rate-count")} ${rate}`),
            violation(
                wafv2ManagedRules,
                empty.urn,
                `${label(empty, "empty")} does not enforce AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesSQLiRuleSet, AWSManagedRulesAmazonIpReputationList; add them with overrideAction: { none: {} }.`,
            ),
            violation(wafv2ManagedRules, empty.urn, `${label(empty, "empty")} ${rate}`),
        ]);
    });
});
