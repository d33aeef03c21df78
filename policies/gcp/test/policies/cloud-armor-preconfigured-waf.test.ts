import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { cloudArmorPreconfiguredWaf } from "../../src/policies/cloud-armor-preconfigured-waf.js";
import { runPolicy, violation } from "./data-fixtures.js";

const ARMOR = "gcp:compute/securityPolicy:SecurityPolicy";
const waf = (set: string, extra: Record<string, unknown> = {}) => ({
    action: "deny(403)",
    match: { expr: { expression: `evaluatePreconfiguredWaf('${set}', {'sensitivity': 1})` } },
    ...extra,
});
const canary = { action: "deny(403)", match: { expr: { expression: "evaluatePreconfiguredExpr('cve-canary')" } } };
const ban = { action: "rate_based_ban", rateLimitOptions: { rateLimitThreshold: { count: 2000, intervalSec: 300 }, enforceOnKey: "IP" } };
const sets = ["sqli-v33-stable", "xss-v33-stable", "lfi-v33-stable", "rfi-v33-stable", "rce-v33-stable"];

describe("gcp-cloud-armor-preconfigured-waf", () => {
    it("passes the platform's rules (planCloudArmorRules' shape)", async () => {
        const s = new StackFixture();
        s.custom(ARMOR, "ok", { rules: [ban, ...sets.map((x) => waf(x)), canary] });
        assert.deepEqual(await runPolicy(cloudArmorPreconfiguredWaf, s), []);
    });

    it("flags a rule set in preview or allowed, no cve-canary, no rate limit, and unset rules", async () => {
        const s = new StackFixture();
        const preview = s.custom(ARMOR, "preview", {
            rules: [
                ban,
                ...sets.map((x) =>
                    x === "sqli-v33-stable" ? waf(x, { preview: true }) : x === "rce-v33-stable" ? waf(x, { action: "allow" }) : waf(x),
                ),
                canary,
            ],
        });
        const nothing = s.custom(ARMOR, "unset", {});
        const noBan = s.custom(ARMOR, "no-ban", { rules: [...sets.map((x) => waf(x)), canary, { ...ban, preview: true }] });
        const rate = "has no rate limit; add a rate_based_ban rule keyed on the client IP.";
        assert.deepEqual(await runPolicy(cloudArmorPreconfiguredWaf, s), [
            violation(
                cloudArmorPreconfiguredWaf,
                preview.urn,
                "Cloud Armor policy preview does not deny on sqli-v33-stable, rce-v33-stable; add deny rules for them (not in preview).",
            ),
            violation(
                cloudArmorPreconfiguredWaf,
                nothing.urn,
                "Cloud Armor policy unset does not deny on sqli-v33-stable, xss-v33-stable, lfi-v33-stable, rfi-v33-stable, rce-v33-stable, cve-canary; add deny rules for them (not in preview).",
            ),
            violation(cloudArmorPreconfiguredWaf, nothing.urn, `Cloud Armor policy unset ${rate}`),
            violation(cloudArmorPreconfiguredWaf, noBan.urn, `Cloud Armor policy no-ban ${rate}`),
        ]);
    });
});
