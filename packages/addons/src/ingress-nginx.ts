/**
 * IngressNginx: the NGINX Ingress Controller (seed N16: host and path routing) behind a cloud
 * load balancer (an NLB on AWS keeping client addresses with `externalTrafficPolicy: Local`, a
 * passthrough network load balancer on GCP), IngressClass `nginx` (not the default: an Ingress
 * names its controller), autoscaled from the profile's gateway replicas, hardened: no snippet
 * annotations (they run arbitrary NGINX config: CVE-2021-25742, CVE-2025-1974), TLS 1.2+ with HSTS,
 * no server tokens, the admission webhook on, a client of the mesh (a sidecar for its calls to the
 * apps, which accept mTLS only: mesh-client.ts). docs/decisions.md records that the upstream project
 * is retired and where the platform goes next.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { INGRESS_CLASSES, INGRESS_CONTROLLER_PROXIES, type Issue, PlatformComponent } from "@platform/core";
import { CHARTS } from "./charts.js";
import { checkReplicas } from "./common.js";
import { type AddonContext, loadBalancerAnnotations, type LoadBalancerExposure, zoneSpread } from "./placement.js";
import { controllerTlsOriginationManifest } from "./manifests.mjs";
import { controllerTlsOrigination, meshClientPodValues } from "./mesh-client.js";
import { chartRelease } from "./release.js";
import { addonNamespace } from "./namespace.js";

export const INGRESS_NGINX_NAMESPACE = INGRESS_CONTROLLER_PROXIES.nginx.namespace;
export const INGRESS_NGINX_CLASS = INGRESS_CLASSES.nginx;

export interface IngressNginxArgs {
    readonly context: AddonContext;
    /** Controller replicas, the autoscaler's minimum (the profile's ingressGatewayReplicas). */
    readonly replicas: number;
    /**
     * A reserved address for the load balancer (`service.loadBalancerIP`; on GKE a regional static
     * external address): the entry point keeps its address across reinstalls, so DNS pointing at
     * it stays true (the dr environment's failover target, docs/dr.md). The address is of the load
     * balancer's kind: external for `public`, internal for `internal`. @default an ephemeral address
     */
    readonly loadBalancerIP?: pulumi.Input<string>;
    /**
     * Who reaches the controller's load balancer. `internal` (VPC only) where the environment has a
     * public edge: the edge's WAF / Cloud Armor is then the one way in from the internet, and the
     * Istio ingress gateway behind it routes to this controller. `public` where there is no edge
     * (dev, dr without hostnames). @default "internal": an internet-facing entry without a WAF is
     * asked for, never implied
     */
    readonly exposure?: LoadBalancerExposure;
}

export class IngressNginx extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly ingressClass: string;

    constructor(name: string, args: IngressNginxArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:IngressNginx", name, args.context.naming, opts);
        this.validate(validateIngressNginxArgs(args));
        const ctx = args.context;
        // baseline: the controller adds NET_BIND_SERVICE; audit and warn stay at restricted.
        const namespace = addonNamespace(`${name}-namespace`, ctx, INGRESS_NGINX_NAMESPACE, this, {
            podSecurity: "baseline",
            meshInjection: "per-pod",
        });
        this.release = chartRelease(
            this.childName("release"),
            {
                // The controller Service's name follows: INGRESS_CONTROLLER_PROXIES.nginx.service.
                name: INGRESS_CONTROLLER_PROXIES.nginx.release,
                namespace: INGRESS_NGINX_NAMESPACE,
                pin: CHARTS.ingressNginx,
                values: {
                    controller: {
                        replicaCount: args.replicas,
                        // A mesh client: the apps accept mTLS only (mesh-client.ts).
                        ...meshClientPodValues(),
                        minAvailable: args.replicas > 1 ? args.replicas - 1 : 0,
                        autoscaling: {
                            enabled: true,
                            minReplicas: args.replicas,
                            maxReplicas: args.replicas * 3,
                            targetCPUUtilizationPercentage: 80,
                        },
                        ingressClass: INGRESS_NGINX_CLASS,
                        ingressClassResource: {
                            name: INGRESS_NGINX_CLASS,
                            enabled: true,
                            default: false,
                            controllerValue: "k8s.io/ingress-nginx",
                        },
                        allowSnippetAnnotations: false,
                        config: {
                            "allow-snippet-annotations": "false",
                            "annotations-risk-level": "High",
                            "ssl-protocols": "TLSv1.2 TLSv1.3",
                            hsts: "true",
                            "hsts-max-age": "31536000",
                            "server-tokens": "false",
                            "use-forwarded-headers": "false",
                        },
                        service: {
                            type: "LoadBalancer",
                            externalTrafficPolicy: "Local",
                            ports: { http: 80, https: INGRESS_CONTROLLER_PROXIES.nginx.httpsPort },
                            annotations: loadBalancerAnnotations(ctx.cloud, args.exposure ?? "internal"),
                            ...(args.loadBalancerIP !== undefined ? { loadBalancerIP: args.loadBalancerIP } : {}),
                        },
                        admissionWebhooks: { enabled: true },
                        metrics: { enabled: true, serviceMonitor: { enabled: true } },
                        topologySpreadConstraints: zoneSpread({
                            "app.kubernetes.io/name": "ingress-nginx",
                            "app.kubernetes.io/component": "controller",
                        }),
                        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
                    },
                },
            },
            this.childOptions({ dependsOn: [namespace] }),
        );
        // The edge's Istio gateway reaches the controller's HTTPS port with one-way TLS (mesh-client.ts).
        new k8s.apiextensions.CustomResource(
            this.childName("tls-origination"),
            controllerTlsOriginationManifest(controllerTlsOrigination("nginx", ctx.labels)) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions({ dependsOn: [this.release] }),
        );
        this.ingressClass = INGRESS_NGINX_CLASS;
        this.complete("ingressClass");
    }
}

export function validateIngressNginxArgs(args: IngressNginxArgs): Issue[] {
    return checkReplicas("replicas", args.replicas);
}
