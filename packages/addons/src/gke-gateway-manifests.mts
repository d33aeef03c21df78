/**
 * The GKE public gateway's objects (issue 12), built with the typed models of
 * `@kubernetes-models/gateway-api` and `@kubernetes-models/gke` and validated against their
 * schemas: the Gateway (GKE's global external Application Load Balancer on a reserved address,
 * certificates from a Certificate Manager map), the HTTP -> HTTPS redirect route, the route to the
 * Istio ingress gateway, and the three GKE policies that attach Cloud Armor, the SSL policy and the
 * health check. Also registers these kinds with the schema registry the tests validate every
 * synthesized object against.
 */
import { Gateway } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import { GCPBackendPolicy } from "@kubernetes-models/gke/networking.gke.io/v1/GCPBackendPolicy";
import { GCPGatewayPolicy } from "@kubernetes-models/gke/networking.gke.io/v1/GCPGatewayPolicy";
import { HealthCheckPolicy } from "@kubernetes-models/gke/networking.gke.io/v1/HealthCheckPolicy";
import { registerModels } from "@platform/workload/schemas";

registerModels({
    "gateway.networking.k8s.io/v1/Gateway": Gateway,
    "gateway.networking.k8s.io/v1/HTTPRoute": HTTPRoute,
    "networking.gke.io/v1/GCPBackendPolicy": GCPBackendPolicy,
    "networking.gke.io/v1/GCPGatewayPolicy": GCPGatewayPolicy,
    "networking.gke.io/v1/HealthCheckPolicy": HealthCheckPolicy,
});

type Json = Record<string, unknown>;

function done(model: { validate(): void; toJSON(): unknown }): Json {
    model.validate();
    return model.toJSON() as Json;
}

/** GKE's global external Application Load Balancer (Envoy-based, the class Cloud Armor and certificate maps work with). */
export const GKE_PUBLIC_GATEWAY_CLASS = "gke-l7-global-external-managed";
/** The annotation naming the Certificate Manager map a GKE Gateway's HTTPS listener serves. */
export const GKE_CERTMAP_ANNOTATION = "networking.gke.io/certmap";
/** Listener names: the HTTPS one serves the routes, the HTTP one only redirects. */
export const GATEWAY_LISTENERS = { https: "https", http: "http" } as const;

/**
 * Backend logging: every request (1e6 of 1e6: GKE's integer rate). The 5xx alert and incident
 * work need the whole picture, and the edge's volume is the failover's, not prod's steady state.
 */
export const BACKEND_LOG_SAMPLE_RATE = 1_000_000;

/** The values every manifest below shares. */
export interface GatewayObjectNames {
    /** The Gateway's name (and the prefix of its routes and policies). */
    readonly name: string;
    /** The namespace of the Gateway, its routes, policies and backend Service. */
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
}

const meta = (n: GatewayObjectNames, name: string, annotations?: Record<string, string>) => ({
    name,
    namespace: n.namespace,
    labels: { ...n.labels },
    ...(annotations !== undefined ? { annotations } : {}),
});

/**
 * The Gateway: HTTPS on 443 with the certificate map's certificates, HTTP on 80 (redirect only),
 * on the reserved address; routes from its own namespace only (nobody else can publish through it).
 */
export function publicGatewayManifest(n: GatewayObjectNames & { addressName: string; certificateMapName: string }): Json {
    const sameNamespace = { namespaces: { from: "Same" as const } };
    return done(
        new Gateway({
            metadata: meta(n, n.name, { [GKE_CERTMAP_ANNOTATION]: n.certificateMapName }),
            spec: {
                gatewayClassName: GKE_PUBLIC_GATEWAY_CLASS,
                addresses: [{ type: "NamedAddress", value: n.addressName }],
                listeners: [
                    { name: GATEWAY_LISTENERS.https, protocol: "HTTPS", port: 443, allowedRoutes: sameNamespace },
                    { name: GATEWAY_LISTENERS.http, protocol: "HTTP", port: 80, allowedRoutes: sameNamespace },
                ],
            },
        }),
    );
}

/** Everything on the HTTP listener answers 301 to the same URL over HTTPS. */
export function httpsRedirectRouteManifest(n: GatewayObjectNames): Json {
    return done(
        new HTTPRoute({
            metadata: meta(n, `${n.name}-https-redirect`),
            spec: {
                parentRefs: [{ name: n.name, sectionName: GATEWAY_LISTENERS.http }],
                rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
            },
        }),
    );
}

/** The served names, on the HTTPS listener, to the backend Service (the Istio ingress gateway). */
export function backendRouteManifest(n: GatewayObjectNames & { hostnames: readonly string[]; service: string; port: number }): Json {
    return done(
        new HTTPRoute({
            metadata: meta(n, `${n.name}-backend`),
            spec: {
                parentRefs: [{ name: n.name, sectionName: GATEWAY_LISTENERS.https }],
                hostnames: [...n.hostnames],
                rules: [{ backendRefs: [{ name: n.service, port: n.port }] }],
            },
        }),
    );
}

/** Cloud Armor and request logging on the backend Service's load balancer backend. */
export function backendPolicyManifest(n: GatewayObjectNames & { service: string; securityPolicyName: string }): Json {
    return done(
        new GCPBackendPolicy({
            metadata: meta(n, `${n.name}-backend`),
            spec: {
                targetRef: { group: "", kind: "Service", name: n.service },
                default: {
                    securityPolicy: n.securityPolicyName,
                    logging: { enabled: true, sampleRate: BACKEND_LOG_SAMPLE_RATE },
                    // Gateway pods drain for up to a minute on rollouts; in-flight requests finish.
                    connectionDraining: { drainingTimeoutSec: 60 },
                },
            },
        }),
    );
}

/** The SSL policy (TLS 1.2 at least) on the Gateway's HTTPS frontend. */
export function gatewayPolicyManifest(n: GatewayObjectNames & { sslPolicyName: string }): Json {
    return done(
        new GCPGatewayPolicy({
            metadata: meta(n, `${n.name}-tls`),
            spec: {
                targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: n.name },
                default: { sslPolicy: n.sslPolicyName },
            },
        }),
    );
}

/**
 * The load balancer's health check on the backend pods' readiness endpoint (Istio's 15021
 * `/healthz/ready`), not the serving port: the gateway answers 404 on `/` for unknown hosts.
 */
export function healthCheckPolicyManifest(n: GatewayObjectNames & { service: string; port: number; path: string }): Json {
    return done(
        new HealthCheckPolicy({
            metadata: meta(n, `${n.name}-health`),
            spec: {
                targetRef: { group: "", kind: "Service", name: n.service },
                default: {
                    checkIntervalSec: 10,
                    timeoutSec: 5,
                    healthyThreshold: 2,
                    unhealthyThreshold: 3,
                    logConfig: { enabled: true },
                    config: { type: "HTTP", httpHealthCheck: { portSpecification: "USE_FIXED_PORT", port: n.port, requestPath: n.path } },
                },
            },
        }),
    );
}
