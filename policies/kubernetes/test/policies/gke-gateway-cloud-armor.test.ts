import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { gkeGatewayCloudArmor as policy } from "../../src/policies/gke-gateway-cloud-armor.js";
import { run, violation } from "../fixtures.js";
import { addGateway, BACKEND_ROUTE_SPEC, GATEWAY_SPEC } from "../gke-gateway-fixtures.js";

const fixture = () => new StackFixture({ stack: "dr" });

describe(policy.name, () => {
    it("passes the gateway GkePublicGateway renders: its one backend Service has Cloud Armor", async () => {
        const s = fixture();
        addGateway(s);
        assert.deepEqual(await run(policy, s), []);
    });

    it("flags a backend Service with no GCPBackendPolicy", async () => {
        const s = fixture();
        const { gateway } = addGateway(s, { backendPolicy: null });
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                gateway,
                `Service istio-ingress/istio-ingressgateway is reachable from the internet through Gateway istio-ingress/public-edge (public-gateway-gateway (${gateway.urn})) with no GCPBackendPolicy; attach the Cloud Armor policy.`,
            ),
        ]);
    });

    it("flags a GCPBackendPolicy that leaves securityPolicy unset", async () => {
        const s = fixture();
        const { gateway } = addGateway(s, {
            backendPolicy: {
                targetRef: { group: "", kind: "Service", name: "istio-ingressgateway" },
                default: { logging: { enabled: true } },
            },
        });
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                gateway,
                `Service istio-ingress/istio-ingressgateway is reachable from the internet through Gateway istio-ingress/public-edge (public-gateway-gateway (${gateway.urn})) and its GCPBackendPolicy sets no securityPolicy; attach the Cloud Armor policy.`,
            ),
        ]);
    });

    it("flags a second backend a route adds without a policy; the guarded one passes", async () => {
        const s = fixture();
        const { gateway } = addGateway(s, {
            backendRoute: {
                ...BACKEND_ROUTE_SPEC,
                rules: [{ backendRefs: [{ name: "istio-ingressgateway", port: 80 }] }, { backendRefs: [{ name: "admin", port: 8080 }] }],
            },
        });
        const found = await run(policy, s);
        assert.deepEqual(
            found.map((v) => [v.urn, v.message.split("\n")[1]?.split(" is reachable")[0]]),
            [[gateway.urn, "Service istio-ingress/admin"]],
        );
    });

    it("ignores internal and non-GKE gateway classes", async () => {
        for (const gatewayClassName of ["gke-l7-rilb", "istio"]) {
            const s = fixture();
            addGateway(s, { gateway: { ...GATEWAY_SPEC, gatewayClassName }, backendPolicy: null });
            assert.deepEqual(await run(policy, s), [], gatewayClassName);
        }
    });
});
