import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { StackFixture } from "@platform/policy-kit/harness";
import { namespaceDefaultDeny } from "../../src/policies/namespace-default-deny.js";
import { run, violation } from "../fixtures.js";

const ns = (s: StackFixture, name: string, kind?: string) =>
    s.custom("kubernetes:core/v1:Namespace", name, {
        metadata: { name, labels: kind === undefined ? {} : { "platform.io/namespace-kind": kind } },
    });
const policy = (s: StackFixture, name: string, namespace: string, spec: Record<string, unknown>) =>
    s.custom("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${namespace}-${name}`, { metadata: { name, namespace }, spec });

describe("kubernetes-namespace-default-deny", () => {
    it("an app namespace with a default deny passes; system namespaces are exempt; one without, or with only a partial policy, is flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        ns(s, "apps", "app");
        policy(s, "default-deny", "apps", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        ns(s, "cert-manager", "system");
        const unlabelled = ns(s, "legacy");
        policy(s, "allow-web", "legacy", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress"] });
        const egressOnly = ns(s, "batch", "app");
        policy(s, "deny-egress", "batch", { podSelector: {}, policyTypes: ["Egress"] });
        const allowing = ns(s, "open", "app");
        policy(s, "allow-all", "open", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] });
        const fix = "has no default-deny NetworkPolicy; add one (podSelector: {}, policyTypes: [Ingress, Egress], no rules).";
        assert.deepEqual(await run(namespaceDefaultDeny, s), [
            violation(namespaceDefaultDeny, unlabelled, `Namespace legacy ${fix}`),
            violation(namespaceDefaultDeny, egressOnly, `Namespace batch ${fix}`),
            violation(namespaceDefaultDeny, allowing, `Namespace open ${fix}`),
        ]);
    });

    it("values unknown in a preview (a provider not configured yet) are not judged", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.custom("kubernetes:core/v1:Namespace", "later", { metadata: { name: "later" } }, { exactOutputs: { metadata: pulumi.unknown } });
        assert.deepEqual(await run(namespaceDefaultDeny, s), []);
        const policyUnknown = new StackFixture({ stack: "prod" });
        ns(policyUnknown, "apps", "app");
        policyUnknown.custom("kubernetes:networking.k8s.io/v1:NetworkPolicy", "p", {}, { exactOutputs: { spec: pulumi.unknown } });
        assert.deepEqual(await run(namespaceDefaultDeny, policyUnknown), []);
    });

    it("objects of a provider not configured yet reach a preview with no properties at all, and are not judged", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.custom("kubernetes:core/v1:Namespace", "pending", {}, { exactOutputs: {} });
        assert.deepEqual(await run(namespaceDefaultDeny, s), []);
        const pendingPolicy = new StackFixture({ stack: "prod" });
        ns(pendingPolicy, "apps", "app");
        pendingPolicy.custom("kubernetes:networking.k8s.io/v1:NetworkPolicy", "p", {}, { exactOutputs: {} });
        assert.deepEqual(await run(namespaceDefaultDeny, pendingPolicy), []);
    });
});
