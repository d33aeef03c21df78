/**
 * Istio (seed 001 N20-N23, 1.20+), installed as Istio's Helm guide orders it: `base` (CRDs), the
 * CNI node agent (in kube-system: traffic redirection without privileged init containers, so app
 * namespaces can enforce Pod Security restricted; GKE's node-critical quota lives there), `istiod`
 * (autoscaled from the profile's replicas: 3 in prod), then mesh-wide STRICT mTLS, the ingress
 * gateway behind a cloud load balancer and the egress gateway (ClusterIP: controlled external
 * access, with outbound traffic limited to registered services), both autoscaled with disruption
 * budgets.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { checkPattern, type Issue, PlatformComponent } from "@platform/core";
import { PlatformNamespace } from "@platform/workload";
import { CHARTS } from "./charts.js";
import { checkReplicas } from "./common.js";
import { publicEdgeGatewayManifest, strictMtlsManifest } from "./manifests.mjs";
import { type AddonContext, controllerPlacement, loadBalancerAnnotations, zoneSpread } from "./placement.js";
import { chartRelease } from "./release.js";

export const ISTIO_NAMESPACE = "istio-system";
export const ISTIO_INGRESS_NAMESPACE = "istio-ingress";
export const ISTIO_EGRESS_NAMESPACE = "istio-egress";

export interface IstioArgs {
    readonly context: AddonContext;
    /** istiod replicas (the HPA's minimum; seed 001: 3 in prod). */
    readonly istiodReplicas: number;
    /** Ingress gateway replicas (seed 001: 3 in prod). */
    readonly ingressGatewayReplicas: number;
    /** Egress gateway replicas (seed 001: 2 in prod). */
    readonly egressGatewayReplicas: number;
    /**
     * How the internet reaches the ingress gateway. `loadBalancer`: its own Service of type
     * LoadBalancer (an NLB on AWS). `publicEdge`: a ClusterIP Service behind the platform's public
     * load balancer (WAF in front; the ALB's target group holds the pods), so no second, unguarded
     * entry exists.
     * @default "loadBalancer"
     */
    readonly ingressExposure?: "loadBalancer" | "publicEdge";
    /**
     * With `publicEdge`: the names the edge serves (its certificate's). The ingress gateway accepts
     * them on plain HTTP port 80 through the Istio Gateway `istio-ingress/public-edge`, which
     * workloads' public routes bind to (the edge terminated TLS). Required with `publicEdge`.
     */
    readonly publicHosts?: readonly string[];
}

/** The Istio Gateway workloads' public routes bind to (`<namespace>/<name>`), where a public edge exists. */
export const ISTIO_PUBLIC_GATEWAY = {
    namespace: ISTIO_INGRESS_NAMESPACE,
    name: "public-edge",
    ref: `${ISTIO_INGRESS_NAMESPACE}/public-edge`,
} as const;

/** The ingress gateway's Service name (the chart names it after the release). */
export const ISTIO_INGRESS_GATEWAY_SERVICE = "istio-ingressgateway";
/**
 * The gateway pods' plain HTTP port behind Service port 80 (the `gateway` chart's pods bind 80
 * themselves: it sets `net.ipv4.ip_unprivileged_port_start=0`), and their readiness endpoint.
 */
export const ISTIO_INGRESS_GATEWAY_TARGET = {
    servicePort: 80,
    port: 80,
    healthCheckPort: 15021,
    healthCheckPath: "/healthz/ready",
} as const;

/** A gateway's values (the `gateway` chart). */
function gatewayValues(v: { replicas: number; label: string; service: Record<string, unknown> }): Record<string, unknown> {
    return {
        replicaCount: v.replicas,
        labels: { istio: v.label },
        autoscaling: {
            enabled: true,
            minReplicas: v.replicas,
            maxReplicas: Math.max(v.replicas * 3, 3),
            targetCPUUtilizationPercentage: 80,
        },
        podDisruptionBudget: v.replicas > 1 ? { maxUnavailable: 1 } : {},
        service: v.service,
        topologySpreadConstraints: zoneSpread({ istio: v.label }),
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "1Gi" } },
    };
}

export class Istio extends PlatformComponent {
    /** istio-base: Istio's CRDs. Custom resources of Istio depend on it. */
    readonly base: k8s.helm.v3.Release;
    readonly istiod: k8s.helm.v3.Release;
    readonly ingressGateway: k8s.helm.v3.Release;
    readonly egressGateway: k8s.helm.v3.Release;
    readonly mtlsMode: string;
    /** `istio-ingress/public-edge` where a public edge exists (workloads' public routes bind to it); undefined otherwise. */
    readonly publicGateway: string | undefined;

    constructor(name: string, args: IstioArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Istio", name, args.context.naming, opts);
        this.validate(validateIstioArgs(args));
        const ctx = args.context;
        const ns = (child: string, namespace: string) =>
            // baseline: gateway pods set a sysctl and istiod's defaults are not all restricted-proof; audit and warn stay at restricted.
            new PlatformNamespace(
                `${name}-${child}-namespace`,
                {
                    naming: ctx.naming,
                    namespace,
                    kubernetesVersion: ctx.kubernetesVersion,
                    kind: "system",
                    podSecurity: "baseline",
                    meshInjection: child !== "system",
                    labels: ctx.labels,
                },
                { parent: this },
            );
        const system = ns("system", ISTIO_NAMESPACE);
        const ingressNs = ns("ingress", ISTIO_INGRESS_NAMESPACE);
        const egressNs = ns("egress", ISTIO_EGRESS_NAMESPACE);
        const place = controllerPlacement(ctx.onSystemNodes);
        const gke = ctx.cloud === "gcp" ? { global: { platform: "gke" } } : {};

        this.base = chartRelease(
            this.childName("base"),
            { name: "istio-base", namespace: ISTIO_NAMESPACE, pin: CHARTS.istioBase, values: { defaultRevision: "default" } },
            this.childOptions({ dependsOn: [system] }),
        );
        const cni = chartRelease(
            this.childName("cni"),
            { name: "istio-cni", namespace: "kube-system", pin: CHARTS.istioCni, values: { ...gke, cni: { logLevel: "info" } } },
            this.childOptions({ dependsOn: [this.base] }),
        );
        this.istiod = chartRelease(
            this.childName("istiod"),
            {
                name: "istiod",
                namespace: ISTIO_NAMESPACE,
                pin: CHARTS.istiod,
                values: {
                    pilot: {
                        replicaCount: args.istiodReplicas,
                        autoscaleEnabled: true,
                        autoscaleMin: args.istiodReplicas,
                        autoscaleMax: Math.max(args.istiodReplicas * 2, 3),
                        cni: { enabled: true },
                        nodeSelector: place.nodeSelector,
                        tolerations: place.tolerations,
                        resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
                    },
                    meshConfig: {
                        accessLogFile: "/dev/stdout",
                        enablePrometheusMerge: true,
                        // Egress only to services in the registry (ServiceEntries through the egress gateway).
                        outboundTrafficPolicy: { mode: "REGISTRY_ONLY" },
                        defaultConfig: { holdApplicationUntilProxyStarts: true },
                    },
                    global: { ...(ctx.cloud === "gcp" ? { platform: "gke" } : {}), defaultPodDisruptionBudget: { enabled: true } },
                },
            },
            this.childOptions({ dependsOn: [this.base, cni] }),
        );
        new k8s.apiextensions.CustomResource(
            this.childName("strict-mtls"),
            strictMtlsManifest(ISTIO_NAMESPACE, ctx.labels) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions({ dependsOn: [this.istiod] }),
        );
        this.ingressGateway = chartRelease(
            this.childName("ingress-gateway"),
            {
                name: ISTIO_INGRESS_GATEWAY_SERVICE,
                namespace: ISTIO_INGRESS_NAMESPACE,
                pin: CHARTS.istioGateway,
                values: gatewayValues({
                    replicas: args.ingressGatewayReplicas,
                    label: "ingressgateway",
                    service:
                        args.ingressExposure === "publicEdge"
                            ? { type: "ClusterIP" }
                            : {
                                  type: "LoadBalancer",
                                  externalTrafficPolicy: "Local",
                                  annotations: loadBalancerAnnotations(ctx.cloud, "public"),
                              },
                }),
            },
            this.childOptions({ dependsOn: [this.istiod, ingressNs] }),
        );
        this.egressGateway = chartRelease(
            this.childName("egress-gateway"),
            {
                name: "istio-egressgateway",
                namespace: ISTIO_EGRESS_NAMESPACE,
                pin: CHARTS.istioGateway,
                values: gatewayValues({ replicas: args.egressGatewayReplicas, label: "egressgateway", service: { type: "ClusterIP" } }),
            },
            this.childOptions({ dependsOn: [this.istiod, egressNs] }),
        );
        // The edge's names on the ingress gateway: without this Gateway config it listens on nothing.
        if (args.ingressExposure === "publicEdge") {
            new k8s.apiextensions.CustomResource(
                this.childName("public-gateway"),
                publicEdgeGatewayManifest({
                    name: ISTIO_PUBLIC_GATEWAY.name,
                    namespace: ISTIO_PUBLIC_GATEWAY.namespace,
                    labels: ctx.labels,
                    selector: { istio: "ingressgateway" },
                    hosts: args.publicHosts ?? [],
                    port: ISTIO_INGRESS_GATEWAY_TARGET.port,
                }) as k8s.apiextensions.CustomResourceArgs,
                this.childOptions({ dependsOn: [this.base, this.ingressGateway] }),
            );
        }
        this.mtlsMode = "STRICT";
        this.publicGateway = args.ingressExposure === "publicEdge" ? ISTIO_PUBLIC_GATEWAY.ref : undefined;
        this.complete("mtlsMode");
    }
}

export function validateIstioArgs(args: IstioArgs): Issue[] {
    const issues = [
        ...checkReplicas("istiodReplicas", args.istiodReplicas),
        ...checkReplicas("ingressGatewayReplicas", args.ingressGatewayReplicas),
        ...checkReplicas("egressGatewayReplicas", args.egressGatewayReplicas),
    ];
    const hosts = args.publicHosts ?? [];
    if (args.ingressExposure === "publicEdge" && hosts.length === 0) {
        issues.push({
            field: "publicHosts",
            value: [],
            problem: "the public edge's names are needed for its Istio Gateway",
            fix: "pass the edge's hostnames (AwsPublicEdge / GcpPublicEdge hostnames)",
        });
    }
    if (args.ingressExposure !== "publicEdge" && hosts.length > 0) {
        issues.push({
            field: "publicHosts",
            value: hosts,
            problem: "is only used behind a public edge",
            fix: 'set ingressExposure: "publicEdge", or drop publicHosts',
        });
    }
    hosts.forEach((h, i) =>
        issues.push(
            ...checkPattern(`publicHosts[${i}]`, h, PUBLIC_HOST, "a lowercase host name or one wildcard level, e.g. *.acme.example.com"),
        ),
    );
    return issues;
}

/** A host name, or `*.` and a host name (the AWS edge serves its zone's wildcard). */
const PUBLIC_HOST = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
