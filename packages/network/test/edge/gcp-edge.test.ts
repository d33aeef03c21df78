import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, rejectedIssues, synthesize } from "@platform/synth";
import { GCP_SSL_POLICY, GcpEdgeSecurity, planCloudArmorRules, validateGcpEdgeSecurityArgs } from "../../src/index.js";

const naming = { project: "acme", environment: "dr" };

describe("GCP edge plan", () => {
    it("Cloud Armor: the rate-based ban first, the eight CRS 3.3 rule sets at sensitivity 1, cve-canary, then allow", () => {
        const rules = planCloudArmorRules(1500);
        assert.deepEqual(
            rules.map((r) => [r.priority, r.action]),
            [[100, "rate_based_ban"], ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => [1000 + i, "deny(403)"]), [2147483647, "allow"]],
        );
        assert.deepEqual(rules[0]?.rateLimitOptions, {
            conformAction: "allow",
            exceedAction: "deny(429)",
            enforceOnKey: "IP",
            rateLimitThreshold: { count: 1500, intervalSec: 300 },
            banDurationSec: 600,
        });
        assert.deepEqual(
            rules.slice(1, 10).map((r) => (r.match["expr"] as { expression: string }).expression),
            [
                "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('lfi-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('rfi-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('rce-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('scannerdetection-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('protocolattack-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredWaf('sessionfixation-v33-stable', {'sensitivity': 1})",
                "evaluatePreconfiguredExpr('cve-canary')",
            ],
        );
        assert.deepEqual(rules[10]?.match, { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } });
    });

    it("SSL policy: RESTRICTED, TLS 1.2 at least", () => {
        assert.deepEqual(GCP_SSL_POLICY, { profile: "RESTRICTED", minTlsVersion: "TLS_1_2" });
    });

    it("validates the rate limit (the same bounds as on AWS)", () => {
        assert.deepEqual(validateGcpEdgeSecurityArgs({ rateLimitPer5Minutes: 2000 }), []);
        assert.deepEqual(
            validateGcpEdgeSecurityArgs({ rateLimitPer5Minutes: 50 }).map((i) => [i.field, i.problem]),
            [["rateLimitPer5Minutes", "must be a whole number from 100 to 2000000000"]],
        );
    });
});

describe("GcpEdgeSecurity", () => {
    const run = (rateLimitPer5Minutes?: number, protect = false) =>
        synthesize({
            project: "t",
            stack: "dr",
            program: () => {
                const e = new GcpEdgeSecurity(
                    "edge",
                    { naming, project: "acme-dr", ...(rateLimitPer5Minutes !== undefined ? { rateLimitPer5Minutes } : {}) },
                    { protect },
                );
                return { armor: e.securityPolicyName, ssl: e.sslPolicyName };
            },
        });

    it("a Cloud Armor policy with adaptive protection and the planned rules (default rate limit 2000), and the SSL policy", async () => {
        const { resources, outputs } = await run();
        const armor = findResource(resources, "gcp:compute/securityPolicy:SecurityPolicy", "edge-armor");
        assert.deepEqual(
            [armor.inputs["name"], armor.inputs["type"], armor.inputs["adaptiveProtectionConfig"], armor.inputs["rules"]],
            [
                "acme-dr-edge-armor",
                "CLOUD_ARMOR",
                { layer7DdosDefenseConfig: { enable: true, ruleVisibility: "STANDARD" } },
                JSON.parse(JSON.stringify(planCloudArmorRules(2000))),
            ],
        );
        const ssl = findResource(resources, "gcp:compute/sSLPolicy:SSLPolicy", "edge-tls");
        assert.deepEqual(
            [ssl.inputs["name"], ssl.inputs["profile"], ssl.inputs["minTlsVersion"]],
            ["acme-dr-edge-tls", "RESTRICTED", "TLS_1_2"],
        );
        assert.deepEqual(outputs, { armor: "acme-dr-edge-armor", ssl: "acme-dr-edge-tls" });
        assert.equal(resources.filter((r) => r.custom).length, 2);
    });

    it("protect reaches both children; nothing is protected without it", async () => {
        assert.ok((await run(undefined, true)).resources.filter((r) => r.custom).every((r) => r.protect));
        assert.ok((await run()).resources.filter((r) => r.custom).every((r) => !r.protect));
    });

    it("rejects a rate limit outside Cloud Armor's range", async () => {
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(10))), [
            ["rateLimitPer5Minutes", "must be a whole number from 100 to 2000000000"],
        ]);
    });
});
