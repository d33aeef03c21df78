import * as assert from "node:assert/strict";
import * as path from "node:path";
import { synthesizeEnvironment } from "@platform/automation";
import { FIXTURES } from "./paths.js";

describe("the kubernetes pack stops a deliberately bad workload", () => {
    it("every rule of the pack fires on the fixture, with the object it concerns", async () => {
        const result = await synthesizeEnvironment({ root: path.join(FIXTURES, "bad-workload"), env: "prod", stack: "bad-workload" });
        const kubernetes = result.violations.filter((v) => v.pack === "kubernetes");
        assert.ok(kubernetes.every((v) => v.enforcementLevel === "mandatory"));
        const byPolicy = (name: string) => kubernetes.filter((v) => v.policy === name).map((v) => v.message.split("\n")[1]);
        assert.deepEqual([...new Set(kubernetes.map((v) => v.policy))].sort(), [
            "kubernetes-drop-all-capabilities",
            "kubernetes-image-pull-policy",
            "kubernetes-ingress-tls-only",
            "kubernetes-istio-strict-mtls",
            "kubernetes-min-replicas-prod",
            "kubernetes-namespace-default-deny",
            "kubernetes-namespace-pod-security",
            "kubernetes-no-host-namespaces",
            "kubernetes-no-latest-tag",
            "kubernetes-no-loadbalancer-service",
            "kubernetes-no-privilege-escalation",
            "kubernetes-no-privileged",
            "kubernetes-pdb-not-zero-disruption",
            "kubernetes-probes-required",
            "kubernetes-read-only-root-fs",
            "kubernetes-required-labels",
            "kubernetes-resources-required",
            "kubernetes-run-as-non-root",
            "kubernetes-seccomp-runtime-default",
            "kubernetes-trusted-registries",
        ]);
        assert.deepEqual(byPolicy("kubernetes-min-replicas-prod"), [
            "Deployment shop/shop sets replicas: 1 in prod; run at least 2 replicas.",
        ]);
        assert.deepEqual(byPolicy("kubernetes-trusted-registries"), [
            'Deployment shop/shop: container "shop" pulls "shop/web:latest" from docker.io, which is not trusted (*.dkr.ecr.*.amazonaws.com, *-docker.pkg.dev, ghcr.io); push it to a trusted registry.',
        ]);
        assert.deepEqual(byPolicy("kubernetes-no-privileged"), [
            'Deployment shop/shop: container "shop" is privileged (root on the node); remove securityContext.privileged.',
        ]);
    });
});
