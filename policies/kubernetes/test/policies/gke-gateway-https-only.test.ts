import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { gkeGatewayHttpsOnly as policy } from "../../src/policies/gke-gateway-https-only.js";
import { run, violation } from "../fixtures.js";
import { addGateway, BACKEND_ROUTE_SPEC, GATEWAY_SPEC } from "../gke-gateway-fixtures.js";

const fixture = () => new StackFixture({ stack: "dr" });
const label = (urn: string) => `Gateway istio-ingress/public-edge (public-gateway-gateway (${urn}))`;

describe(policy.name, () => {
    it("passes the gateway GkePublicGateway renders: HTTPS under the SSL policy, HTTP redirects only", async () => {
        const s = fixture();
        addGateway(s);
        assert.deepEqual(await run(policy, s), []);
    });

    it("flags a missing GCPGatewayPolicy and one without sslPolicy (GKE's default policy allows TLS 1.0)", async () => {
        const s = fixture();
        const { gateway } = addGateway(s, { gatewayPolicy: null });
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                gateway,
                `${label(gateway.urn)} has no GCPGatewayPolicy, so GKE's default SSL policy (TLS 1.0, COMPATIBLE) applies; set spec.default.sslPolicy.`,
            ),
        ]);
        const unset = fixture();
        const g2 = addGateway(unset, {
            gatewayPolicy: { targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "public-edge" }, default: {} },
        }).gateway;
        assert.deepEqual(await run(policy, unset), [
            violation(
                policy,
                g2,
                `${label(g2.urn)} has a GCPGatewayPolicy without sslPolicy, so GKE's default SSL policy (TLS 1.0, COMPATIBLE) applies; set spec.default.sslPolicy.`,
            ),
        ]);
    });

    it("flags a Gateway without an HTTPS listener, and a route serving a backend on the HTTP listener", async () => {
        const s = fixture();
        const { gateway, routes } = addGateway(s, {
            gateway: { ...GATEWAY_SPEC, listeners: [{ name: "http", protocol: "HTTP", port: 80 }] },
            backendRoute: { ...BACKEND_ROUTE_SPEC, parentRefs: [{ name: "public-edge" }] },
        });
        const backend = routes[1];
        assert.ok(backend);
        assert.deepEqual(await run(policy, s), [
            violation(
                policy,
                gateway,
                `${label(gateway.urn)} faces the internet with no HTTPS listener; add one (port 443) with its certificates.`,
            ),
            violation(
                policy,
                gateway,
                `${label(gateway.urn)} serves public-gateway-backend (${backend.urn}) over plain HTTP on listener http; make routes on the HTTP listener redirect to https only.`,
            ),
        ]);
    });

    it("a redirect to http (not https) on the HTTP listener is flagged too", async () => {
        const s = fixture();
        const { gateway } = addGateway(s, {
            redirect: {
                parentRefs: [{ name: "public-edge", sectionName: "http" }],
                rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { hostname: "example.com" } }] }],
            },
        });
        assert.equal((await run(policy, s)).filter((v) => v.urn === gateway.urn).length, 1);
    });

    it("ignores Gateways of other classes", async () => {
        const s = fixture();
        addGateway(s, {
            gateway: { ...GATEWAY_SPEC, gatewayClassName: "istio", listeners: [{ name: "http", protocol: "HTTP", port: 80 }] },
            gatewayPolicy: null,
        });
        assert.deepEqual(await run(policy, s), []);
    });
});
