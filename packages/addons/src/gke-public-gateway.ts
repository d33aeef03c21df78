/**
 * GkePublicGateway: the Kubernetes half of a GKE environment's public edge (issue 12), the
 * counterpart of the AWS edge's TargetGroupBinding. A Gateway of class
 * `gke-l7-global-external-managed` makes GKE's Gateway controller build a global external
 * Application Load Balancer on the reserved address, with the certificate map's certificates, in
 * front of the Istio ingress gateway's pods (container-native: network endpoint groups, no node
 * hop). GKE policies attach what `@platform/network` GcpPublicEdge owns: Cloud Armor on the
 * backend (GCPBackendPolicy), the SSL policy on the frontend (GCPGatewayPolicy), and the health
 * check on the gateway's readiness port (HealthCheckPolicy). HTTP answers only with a redirect.
 *
 * Why a Gateway and not a Pulumi-owned load balancer: the backend service would name the network
 * endpoint groups GKE's controller creates asynchronously for the Service, so a first `up` would
 * race the controller; the Gateway lets the controller own that link and Pulumi own the rest
 * (docs/decisions.md). Needs the Gateway API on the cluster (GkeCluster enables it).
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkPattern, DOMAIN_NAME_PATTERN, type Issue, PlatformComponent } from "@platform/core";
import {
    backendPolicyManifest,
    backendRouteManifest,
    gatewayPolicyManifest,
    healthCheckPolicyManifest,
    httpsRedirectRouteManifest,
    publicGatewayManifest,
} from "./gke-gateway-manifests.mjs";
import type { AddonContext } from "./placement.js";

/** The Gateway's name: the URL map GKE builds is named after it (`gkegw1-<hash>-<namespace>-<name>-<hash>`). */
export const GKE_PUBLIC_GATEWAY_NAME = "public-edge";

export interface GkePublicGatewayArgs {
    readonly context: AddonContext;
    /** The namespace of the backend Service; the Gateway, its routes and policies live there too. */
    readonly namespace: string;
    /** The backend: a Service, its serving port, and its pods' readiness endpoint. */
    readonly backend: {
        readonly service: string;
        readonly port: number;
        readonly healthCheckPort: number;
        readonly healthCheckPath: string;
    };
    /** The names the HTTPS listener serves (GcpPublicEdge's hostnames). */
    readonly hostnames: readonly string[];
    /** GcpPublicEdge's reserved global address name. */
    readonly addressName: pulumi.Input<string>;
    /** GcpPublicEdge's certificate map name. */
    readonly certificateMapName: pulumi.Input<string>;
    /** GcpPublicEdge's Cloud Armor policy name. */
    readonly securityPolicyName: pulumi.Input<string>;
    /** GcpPublicEdge's SSL policy name. */
    readonly sslPolicyName: pulumi.Input<string>;
}

const GKE_POLICY = "networking.gke.io/v1";
const GATEWAY_API = "gateway.networking.k8s.io/v1";

export class GkePublicGateway extends PlatformComponent {
    /** The Gateway's name and namespace (what the load balancer alert filters on). */
    readonly gatewayName: string;
    readonly gatewayNamespace: string;

    constructor(name: string, args: GkePublicGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:GkePublicGateway", name, args.context.naming, opts);
        this.validate(validateGkePublicGatewayArgs(args));
        const names = { name: GKE_PUBLIC_GATEWAY_NAME, namespace: args.namespace, labels: args.context.labels };
        const b = args.backend;
        // Shapes are checked now with placeholders (a bad object fails the preview, not the apply),
        // and their metadata is what the objects get: only the specs wait for the cloud names.
        const placeholders = {
            gateway: publicGatewayManifest({ ...names, addressName: "address", certificateMapName: "certmap" }),
            backend: backendPolicyManifest({ ...names, service: b.service, securityPolicyName: "armor" }),
            tls: gatewayPolicyManifest({ ...names, sslPolicyName: "tls" }),
        };

        // apiVersion, kind and metadata plain (the type, the name and namespace the provider needs in a preview); the spec may wait.
        const object = (
            child: string,
            [apiVersion, kind]: readonly [string, string],
            metadata: unknown,
            spec: pulumi.Input<unknown>,
            dependsOn: pulumi.Resource[] = [],
        ) =>
            new k8s.apiextensions.CustomResource(
                this.childName(child),
                { apiVersion, kind, metadata: metadata as k8s.types.input.meta.v1.ObjectMeta, spec },
                this.childOptions({ dependsOn }),
            );
        const specOf = <T extends Record<string, unknown>>(m: T) => m["spec"];
        // Policies first: the load balancer never exists without Cloud Armor, the SSL policy and the right health check.
        const backendPolicy = object(
            "backend-policy",
            [GKE_POLICY, "GCPBackendPolicy"],
            placeholders.backend["metadata"],
            pulumi
                .output(args.securityPolicyName)
                .apply((securityPolicyName) => specOf(backendPolicyManifest({ ...names, service: b.service, securityPolicyName }))),
        );
        const healthPolicy = healthCheckPolicyManifest({ ...names, service: b.service, port: b.healthCheckPort, path: b.healthCheckPath });
        const health = object("health-check-policy", [GKE_POLICY, "HealthCheckPolicy"], healthPolicy["metadata"], specOf(healthPolicy));
        const tls = object(
            "gateway-policy",
            [GKE_POLICY, "GCPGatewayPolicy"],
            placeholders.tls["metadata"],
            pulumi.output(args.sslPolicyName).apply((sslPolicyName) => specOf(gatewayPolicyManifest({ ...names, sslPolicyName }))),
        );
        // The certmap annotation names a cloud resource: the Gateway's metadata waits for it.
        const gatewayManifest = pulumi
            .all([args.addressName, args.certificateMapName])
            .apply(([addressName, certificateMapName]) => publicGatewayManifest({ ...names, addressName, certificateMapName }));
        const gateway = object(
            "gateway",
            [GATEWAY_API, "Gateway"],
            {
                ...(placeholders.gateway["metadata"] as Record<string, unknown>),
                annotations: gatewayManifest.apply((m) => (m["metadata"] as { annotations: Record<string, string> }).annotations),
            },
            gatewayManifest.apply(specOf),
            [backendPolicy, health, tls],
        );
        const redirect = httpsRedirectRouteManifest(names);
        const route = backendRouteManifest({ ...names, hostnames: args.hostnames, service: b.service, port: b.port });
        object("https-redirect", [GATEWAY_API, "HTTPRoute"], redirect["metadata"], specOf(redirect), [gateway]);
        object("backend-route", [GATEWAY_API, "HTTPRoute"], route["metadata"], specOf(route), [gateway]);
        this.gatewayName = GKE_PUBLIC_GATEWAY_NAME;
        this.gatewayNamespace = args.namespace;
        this.complete("gatewayName", "gatewayNamespace");
    }
}

/** Every problem with GkePublicGateway's arguments. */
export function validateGkePublicGatewayArgs(args: Pick<GkePublicGatewayArgs, "context" | "hostnames" | "backend">): Issue[] {
    const issues: Issue[] = args.hostnames.flatMap((h, i) =>
        checkPattern(`hostnames[${i}]`, h, DOMAIN_NAME_PATTERN, "a lowercase host name, e.g. app.acme.example.com"),
    );
    if (args.context.cloud !== "gcp") {
        issues.push({
            field: "context.cloud",
            value: args.context.cloud,
            problem: "a GKE Gateway needs GKE's Gateway controller",
            fix: "use it on GCP only; AWS environments use AwsPublicEdge and a TargetGroupBinding",
        });
    }
    if (args.hostnames.length === 0) {
        issues.push({ field: "hostnames", value: [], problem: "the HTTPS listener serves no name", fix: "pass GcpPublicEdge's hostnames" });
    }
    for (const [field, port] of [
        ["backend.port", args.backend.port],
        ["backend.healthCheckPort", args.backend.healthCheckPort],
    ] as const) {
        if (!Number.isInteger(port) || port < 1 || port > 65_535) {
            issues.push({ field, value: port, problem: "is not a TCP port", fix: "use 1-65535" });
        }
    }
    return issues;
}
