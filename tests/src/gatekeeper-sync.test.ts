import * as assert from "node:assert/strict";
import { policies } from "@platform/policy-kubernetes";
import { GATEKEEPER_RULES } from "@platform/security";

/** Seed-001 kubernetes policies with no admission twin, and why. */
const NOT_ADMISSION_RULES: Readonly<Record<string, string>> = {
    "kubernetes-istio-strict-mtls": "a mesh-wide PeerAuthentication, not a property of a workload: Istio enforces it",
    "kubernetes-istio-no-tls-disable":
        "mesh configuration (a DestinationRule), not a pod: the ten admission rules are seed 001's pod rules, so one applied outside Pulumi is not refused",
    "kubernetes-gateways-behind-public-edge":
        "whether the environment has a public edge is a cloud fact (a WAF association, a GKE Gateway) admission does not see",
};

describe("Gatekeeper and the kubernetes pack share one list of seed 001 rules", () => {
    const seed001 = policies.filter((p) => (p.tags ?? []).includes("seed-001")).map((p) => p.name);

    it("every seed-001 pod rule of the pack has exactly one Gatekeeper rule, and every Gatekeeper rule a pack policy", () => {
        assert.deepEqual(GATEKEEPER_RULES.map((r) => r.policy).sort(), seed001.filter((p) => !(p in NOT_ADMISSION_RULES)).sort());
        assert.equal(GATEKEEPER_RULES.length, 10, "seed 001: 10 policies");
        assert.deepEqual(
            Object.keys(NOT_ADMISSION_RULES).filter((p) => !seed001.includes(p)),
            [],
            "the exemptions are seed-001 policies",
        );
    });

    it("a library template's kind is the Gatekeeper peer the pack policy names; the platform's own kinds name no library peer", () => {
        for (const rule of GATEKEEPER_RULES) {
            const policy = policies.find((p) => p.name === rule.policy);
            const framework = policy?.framework;
            const peers = framework?.name === "OPA Gatekeeper library" ? (framework.reference ?? "").split(", ") : [];
            if (rule.library) {
                assert.ok(
                    peers.includes(rule.kind),
                    `${rule.policy}: its Gatekeeper peers ${peers.join(", ") || "(none)"} do not include ${rule.kind}`,
                );
            } else {
                assert.deepEqual(
                    peers,
                    [],
                    `${rule.policy}: ${rule.kind} is the platform's own template, so the policy names no library peer`,
                );
                assert.match(rule.kind, /^K8sPlatform/);
            }
        }
    });
});
