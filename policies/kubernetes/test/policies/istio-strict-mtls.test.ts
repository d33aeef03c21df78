import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { StackFixture } from "@platform/policy-kit/harness";
import { istioStrictMtls } from "../../src/policies/istio-strict-mtls.js";
import { run, violation } from "../fixtures.js";

const istiod = (s: StackFixture) =>
    s.custom("kubernetes:helm.sh/v3:Release", "istio-istiod", {
        name: "istiod",
        namespace: "istio-system",
        chart: "istiod",
        version: "1.26.2",
    });
const peer = (s: StackFixture, name: string, namespace: string, spec: Record<string, unknown>) =>
    s.custom("kubernetes:security.istio.io/v1:PeerAuthentication", `${namespace}-${name}`, { metadata: { name, namespace }, spec });

describe("kubernetes-istio-strict-mtls", () => {
    it("Istio with a mesh-wide STRICT PeerAuthentication passes; a stack without Istio needs none", async () => {
        const s = new StackFixture({ stack: "prod" });
        istiod(s);
        peer(s, "default", "istio-system", { mtls: { mode: "STRICT" } });
        assert.deepEqual(await run(istioStrictMtls, s), []);
        assert.deepEqual(await run(istioStrictMtls, new StackFixture({ stack: "prod" })), []);
    });

    it("Istio without one (unset), or with a selector-scoped or PERMISSIVE one, is flagged; relaxing PeerAuthentications anywhere are flagged", async () => {
        const unset = new StackFixture({ stack: "prod" });
        const release = istiod(unset);
        const missing = "the stack installs Istio (istio-istiod) without a mesh-wide STRICT PeerAuthentication in istio-system; add one.";
        assert.deepEqual(await run(istioStrictMtls, unset), [violation(istioStrictMtls, release, missing)]);

        const s = new StackFixture({ stack: "prod" });
        const r = istiod(s);
        peer(s, "scoped", "istio-system", { selector: { matchLabels: { app: "a" } }, mtls: { mode: "STRICT" } });
        const permissive = peer(s, "default", "istio-system", { mtls: { mode: "PERMISSIVE" } });
        const disabled = peer(s, "legacy", "apps", { mtls: { mode: "DISABLE" } });
        assert.deepEqual(await run(istioStrictMtls, s), [
            violation(istioStrictMtls, permissive, "PeerAuthentication istio-system/default sets mTLS PERMISSIVE; keep STRICT."),
            violation(istioStrictMtls, disabled, "PeerAuthentication apps/legacy sets mTLS DISABLE; keep STRICT."),
            violation(istioStrictMtls, r, missing),
        ]);
    });

    it("a PeerAuthentication unknown in a preview is not judged, and then no mesh-wide one is required yet", async () => {
        const s = new StackFixture({ stack: "prod" });
        istiod(s);
        s.custom(
            "kubernetes:security.istio.io/v1:PeerAuthentication",
            "p",
            {},
            { exactOutputs: { metadata: pulumi.unknown, spec: pulumi.unknown } },
        );
        assert.deepEqual(await run(istioStrictMtls, s), []);
    });
});
