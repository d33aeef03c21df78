import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { evaluatePack } from "@platform/policy-kit/harness";
import { packName } from "../src/index.js";
import type { Policy } from "@pulumi/policy";
import { run, violation } from "./fixtures.js";

function service(s: StackFixture, name: string, namespace: string | undefined, type: string | undefined) {
    return s.custom("kubernetes:core/v1:Service", name, {
        metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
        spec: { ...(type !== undefined ? { type } : {}), ports: [{ port: 80 }] },
    });
}

/** The cases of the two Service-type policies. */
export function serviceTypeCases(policy: Policy, type: "LoadBalancer" | "NodePort"): void {
    describe(policy.name, () => {
        it(`ClusterIP and unset types pass; ${type} passes in a gateway namespace and is flagged elsewhere (the default namespace included)`, async () => {
            const s = new StackFixture({ stack: "prod" });
            service(s, "plain", "apps", undefined);
            service(s, "cluster-ip", "apps", "ClusterIP");
            service(s, "gateway", "istio-ingress", type);
            const bad = service(s, "api", "apps", type);
            const defaulted = service(s, "legacy", undefined, type);
            assert.deepEqual(await run(policy, s), [
                violation(
                    policy,
                    bad,
                    `Service apps/api is of type ${type} outside the gateways' namespaces; make it ClusterIP and route to it through a gateway.`,
                ),
                violation(
                    policy,
                    defaulted,
                    `Service legacy is of type ${type} outside the gateways' namespaces; make it ClusterIP and route to it through a gateway.`,
                ),
            ]);
        });

        it("allowedNamespaces config replaces the gateway list", async () => {
            const s = new StackFixture({ stack: "prod" });
            service(s, "api", "apps", type);
            const gateway = service(s, "gateway", "istio-ingress", type);
            const violations = await evaluatePack({ name: packName, policies: [policy] }, s.build(), {
                config: { [policy.name]: { allowedNamespaces: ["apps"] } },
            });
            assert.deepEqual(violations, [
                violation(
                    policy,
                    gateway,
                    `Service istio-ingress/gateway is of type ${type} outside the gateways' namespaces; make it ClusterIP and route to it through a gateway.`,
                ),
            ]);
        });
    });
}
