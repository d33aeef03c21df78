import * as assert from "node:assert/strict";
import { fieldsAndProblems, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import {
    type AddonContext,
    BACKEND_LOG_SAMPLE_RATE,
    backendPolicyManifest,
    backendRouteManifest,
    GkePublicGateway,
    type GkePublicGatewayArgs,
    gatewayPolicyManifest,
    publicGatewayManifest,
} from "../src/index.js";

const context = (cloud: "aws" | "gcp" = "gcp"): AddonContext => ({
    naming: { project: "acme", environment: "dr" },
    cloud,
    region: "us-west1",
    kubernetesVersion: "1.35",
    cluster:
        cloud === "gcp"
            ? { cloud: "gcp", project: "acme-dr-prod" }
            : { cloud: "aws", clusterName: "c", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/c" },
    clusterName: "acme-dr-gke",
    onSystemNodes: false,
    labels: { environment: "dr", team: "platform" },
});
const args = (extra: Partial<GkePublicGatewayArgs> = {}): GkePublicGatewayArgs => ({
    context: context(),
    namespace: "istio-ingress",
    backend: { service: "istio-ingressgateway", port: 80, healthCheckPort: 15021, healthCheckPath: "/healthz/ready" },
    hostnames: ["app.acme.example.com"],
    addressName: "acme-dr-edge-address",
    certificateMapName: "acme-dr-edge-certmap",
    securityPolicyName: "acme-dr-edge-security-armor",
    sslPolicyName: "acme-dr-edge-security-tls",
    ...extra,
});

async function synth(a: GkePublicGatewayArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GkePublicGateway("public-gateway", a) })).resources;
}

const byKind = (resources: readonly InventoryResource[], kind: string) => resources.filter((r) => r.inputs["kind"] === kind);
const meta = (name: string) => ({ name, namespace: "istio-ingress", labels: { environment: "dr", team: "platform" } });

describe("GkePublicGateway", () => {
    it("a Gateway on the reserved address and certificate map: HTTPS 443 and HTTP 80, routes from its namespace only", async () => {
        const resources = await synth(args());
        const [gateway] = byKind(resources, "Gateway");
        assert.deepEqual(gateway?.inputs, {
            apiVersion: "gateway.networking.k8s.io/v1",
            kind: "Gateway",
            metadata: { ...meta("public-edge"), annotations: { "networking.gke.io/certmap": "acme-dr-edge-certmap" } },
            spec: {
                gatewayClassName: "gke-l7-global-external-managed",
                addresses: [{ type: "NamedAddress", value: "acme-dr-edge-address" }],
                listeners: [
                    { name: "https", protocol: "HTTPS", port: 443, allowedRoutes: { namespaces: { from: "Same" } } },
                    { name: "http", protocol: "HTTP", port: 80, allowedRoutes: { namespaces: { from: "Same" } } },
                ],
            },
        });
        for (const r of resources.filter((x) => x.custom)) validateObject(r.inputs);
    });

    it("HTTP only redirects (301 to https); HTTPS routes the names to the Istio ingress gateway Service", async () => {
        const routes = byKind(await synth(args()), "HTTPRoute").sort((a, b) => b.name.localeCompare(a.name));
        assert.deepEqual(
            routes.map((r) => [(r.inputs["metadata"] as { name: string }).name, r.inputs["spec"]]),
            [
                [
                    "public-edge-https-redirect",
                    {
                        parentRefs: [{ name: "public-edge", sectionName: "http" }],
                        rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
                    },
                ],
                [
                    "public-edge-backend",
                    {
                        parentRefs: [{ name: "public-edge", sectionName: "https" }],
                        hostnames: ["app.acme.example.com"],
                        rules: [{ backendRefs: [{ name: "istio-ingressgateway", port: 80 }] }],
                    },
                ],
            ],
        );
    });

    it("Cloud Armor and full request logging on the backend, the SSL policy on the Gateway, the health check on 15021 /healthz/ready", async () => {
        const resources = await synth(args());
        const spec = (kind: string) => byKind(resources, kind)[0]?.inputs["spec"];
        assert.deepEqual(spec("GCPBackendPolicy"), {
            targetRef: { group: "", kind: "Service", name: "istio-ingressgateway" },
            default: {
                securityPolicy: "acme-dr-edge-security-armor",
                logging: { enabled: true, sampleRate: 1_000_000 },
                connectionDraining: { drainingTimeoutSec: 60 },
            },
        });
        assert.equal(BACKEND_LOG_SAMPLE_RATE, 1_000_000);
        assert.deepEqual(spec("GCPGatewayPolicy"), {
            targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "public-edge" },
            default: { sslPolicy: "acme-dr-edge-security-tls" },
        });
        assert.deepEqual(spec("HealthCheckPolicy"), {
            targetRef: { group: "", kind: "Service", name: "istio-ingressgateway" },
            default: {
                checkIntervalSec: 10,
                timeoutSec: 5,
                healthyThreshold: 2,
                unhealthyThreshold: 3,
                logConfig: { enabled: true },
                config: {
                    type: "HTTP",
                    httpHealthCheck: { portSpecification: "USE_FIXED_PORT", port: 15021, requestPath: "/healthz/ready" },
                },
            },
        });
    });

    it("the policies exist before the Gateway, the routes after it: the load balancer is never up unguarded", async () => {
        const resources = await synth(args());
        const urn = (kind: string) => byKind(resources, kind).map((r) => r.urn);
        const [gateway] = byKind(resources, "Gateway");
        assert.deepEqual(
            [...(gateway?.dependencies ?? [])].sort(),
            [...urn("GCPBackendPolicy"), ...urn("GCPGatewayPolicy"), ...urn("HealthCheckPolicy")].sort(),
        );
        for (const route of byKind(resources, "HTTPRoute")) assert.deepEqual(route.dependencies, [gateway?.urn]);
        assert.equal(resources.filter((r) => r.custom).length, 6);
    });

    it("rejects an AWS cluster, no names, a bad name and bad ports, all at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(
                        args({
                            context: context("aws"),
                            hostnames: ["App.example.com"],
                            backend: {
                                service: "istio-ingressgateway",
                                port: 0,
                                healthCheckPort: 70_000,
                                healthCheckPath: "/healthz/ready",
                            },
                        }),
                    ),
                ),
            ),
            [
                ["hostnames[0]", "is not a lowercase host name"],
                ["context.cloud", "a GKE Gateway needs GKE's Gateway controller"],
                ["backend.port", "is not a TCP port"],
                ["backend.healthCheckPort", "is not a TCP port"],
            ],
        );
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth(args({ hostnames: [] })))), [
            ["hostnames", "the HTTPS listener serves no name"],
        ]);
    });

    it("the manifests refuse what the CRDs refuse (schema validation of the typed models)", () => {
        const names = { name: "public-edge", namespace: "istio-ingress", labels: {} };
        assert.throws(
            () => backendRouteManifest({ ...names, hostnames: ["App.Example.com"], service: "svc", port: 80 }),
            /hostnames\/0 must match pattern/,
        );
        assert.throws(
            () => backendRouteManifest({ ...names, hostnames: ["app.example.com"], service: "svc", port: 70_000 }),
            /port must be <= 65535/,
        );
        assert.doesNotThrow(() => publicGatewayManifest({ ...names, addressName: "a", certificateMapName: "m" }));
        assert.doesNotThrow(() => backendPolicyManifest({ ...names, service: "svc", securityPolicyName: "armor" }));
        assert.doesNotThrow(() => gatewayPolicyManifest({ ...names, sslPolicyName: "tls" }));
    });
});
