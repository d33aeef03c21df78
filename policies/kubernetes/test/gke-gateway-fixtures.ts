/** The GKE public gateway as GkePublicGateway renders it, with a way to drop or change each part. */
import type { EvaluatedResource, StackFixture } from "@platform/policy-kit/harness";
import type { Json } from "./fixtures.js";

const NS = "istio-ingress";
const meta = (name: string) => ({ name, namespace: NS });

export interface GatewayParts {
    gateway?: Json;
    backendPolicy?: Json | null;
    gatewayPolicy?: Json | null;
    redirect?: Json | null;
    backendRoute?: Json | null;
}

export const GATEWAY_SPEC: Json = {
    gatewayClassName: "gke-l7-global-external-managed",
    addresses: [{ type: "NamedAddress", value: "acme-dr-edge-address" }],
    listeners: [
        { name: "https", protocol: "HTTPS", port: 443 },
        { name: "http", protocol: "HTTP", port: 80 },
    ],
};
export const REDIRECT_SPEC: Json = {
    parentRefs: [{ name: "public-edge", sectionName: "http" }],
    rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
};
export const BACKEND_ROUTE_SPEC: Json = {
    parentRefs: [{ name: "public-edge", sectionName: "https" }],
    hostnames: ["app.acme.example.com"],
    rules: [{ backendRefs: [{ name: "istio-ingressgateway", port: 80 }] }],
};
export const BACKEND_POLICY_SPEC: Json = {
    targetRef: { group: "", kind: "Service", name: "istio-ingressgateway" },
    default: { securityPolicy: "acme-dr-edge-security-armor", logging: { enabled: true } },
};
export const GATEWAY_POLICY_SPEC: Json = {
    targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "public-edge" },
    default: { sslPolicy: "acme-dr-edge-security-tls" },
};

/** Adds the gateway and its parts; `null` leaves a part out. Returns the Gateway and the routes. */
export function addGateway(s: StackFixture, parts: GatewayParts = {}): { gateway: EvaluatedResource; routes: EvaluatedResource[] } {
    const gateway = s.custom("kubernetes:gateway.networking.k8s.io/v1:Gateway", "public-gateway-gateway", {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "Gateway",
        metadata: meta("public-edge"),
        spec: parts.gateway ?? GATEWAY_SPEC,
    });
    const routes: EvaluatedResource[] = [];
    const route = (name: string, spec: Json | null | undefined, fallback: Json) => {
        if (spec === null) return;
        routes.push(
            s.custom("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", `public-gateway-${name}`, {
                apiVersion: "gateway.networking.k8s.io/v1",
                kind: "HTTPRoute",
                metadata: meta(`public-edge-${name}`),
                spec: spec ?? fallback,
            }),
        );
    };
    route("https-redirect", parts.redirect, REDIRECT_SPEC);
    route("backend", parts.backendRoute, BACKEND_ROUTE_SPEC);
    if (parts.backendPolicy !== null) {
        s.custom("kubernetes:networking.gke.io/v1:GCPBackendPolicy", "public-gateway-backend-policy", {
            apiVersion: "networking.gke.io/v1",
            kind: "GCPBackendPolicy",
            metadata: meta("public-edge-backend"),
            spec: parts.backendPolicy ?? BACKEND_POLICY_SPEC,
        });
    }
    if (parts.gatewayPolicy !== null) {
        s.custom("kubernetes:networking.gke.io/v1:GCPGatewayPolicy", "public-gateway-gateway-policy", {
            apiVersion: "networking.gke.io/v1",
            kind: "GCPGatewayPolicy",
            metadata: meta("public-edge-tls"),
            spec: parts.gatewayPolicy ?? GATEWAY_POLICY_SPEC,
        });
    }
    return { gateway, routes };
}
