/**
 * Kong: the API gateway of seed 004 (N30), as Kong's chart runs it with its ingress controller:
 * DB-less (configuration is the cluster's Ingress, KongPlugin and Gateway API objects; no Postgres
 * to run, back up and secure), IngressClass `kong`, the proxy behind a cloud load balancer on
 * 80/443 only (internal unless asked otherwise), replicas from the profile (2 in prod), one
 * disruption at a time, a client of the mesh (a sidecar for its calls to the apps, which accept
 * mTLS only: mesh-client.ts). The admin API is never exposed outside the cluster: TLS only (no
 * plain-HTTP admin listener, unlike the seed's `KONG_ADMIN_LISTEN: 0.0.0.0:8001`), a ClusterIP
 * Service, no admin Ingress, and the controller reaches it inside the pod.
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

export const KONG_NAMESPACE = INGRESS_CONTROLLER_PROXIES.kong.namespace;
export const KONG_INGRESS_CLASS = INGRESS_CLASSES.kong;

export interface KongArgs {
    readonly context: AddonContext;
    /** Gateway replicas (seed 004: 2 in production). */
    readonly replicas: number;
    /**
     * Who reaches the proxy's load balancer. `internal` (VPC only) where the environment has a
     * public edge: the edge's WAF / Cloud Armor is then the one way in from the internet, and the
     * Istio ingress gateway behind it routes to this gateway. `public` where there is no edge
     * (dev, dr without hostnames). @default "internal": an internet-facing entry without a WAF is
     * asked for, never implied
     */
    readonly exposure?: LoadBalancerExposure;
}

export class Kong extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly ingressClass: string;
    /** `ClusterIP`: the admin API's Service type (never LoadBalancer or NodePort). */
    readonly adminServiceType: string;

    constructor(name: string, args: KongArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Kong", name, args.context.naming, opts);
        this.validate(validateKongArgs(args));
        const ctx = args.context;
        const namespace = addonNamespace(`${name}-namespace`, ctx, KONG_NAMESPACE, this, {
            podSecurity: "baseline",
            meshInjection: "per-pod",
        });
        this.release = chartRelease(
            this.childName("release"),
            {
                // The proxy Service's name follows: INGRESS_CONTROLLER_PROXIES.kong.service.
                name: INGRESS_CONTROLLER_PROXIES.kong.release,
                namespace: KONG_NAMESPACE,
                pin: CHARTS.kong,
                values: {
                    replicaCount: args.replicas,
                    // A mesh client: the apps accept mTLS only (mesh-client.ts).
                    ...meshClientPodValues(),
                    podDisruptionBudget: args.replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
                    env: {
                        database: "off",
                        proxy_access_log: "/dev/stdout",
                        admin_access_log: "/dev/stdout",
                        proxy_error_log: "/dev/stderr",
                        admin_error_log: "/dev/stderr",
                        // No version in the Server header and error pages.
                        headers: "off",
                    },
                    admin: {
                        enabled: true,
                        type: "ClusterIP",
                        http: { enabled: false },
                        tls: { enabled: true, servicePort: 8444, containerPort: 8444 },
                        ingress: { enabled: false },
                    },
                    proxy: {
                        enabled: true,
                        type: "LoadBalancer",
                        externalTrafficPolicy: "Local",
                        annotations: loadBalancerAnnotations(ctx.cloud, args.exposure ?? "internal"),
                        http: { enabled: true, servicePort: 80, containerPort: 8000 },
                        tls: { enabled: true, servicePort: INGRESS_CONTROLLER_PROXIES.kong.httpsPort, containerPort: 8443 },
                    },
                    ingressController: { enabled: true, ingressClass: KONG_INGRESS_CLASS, installCRDs: false },
                    serviceMonitor: { enabled: true },
                    topologySpreadConstraints: zoneSpread({ "app.kubernetes.io/instance": "kong" }),
                    resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "2Gi" } },
                    updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
                },
            },
            this.childOptions({ dependsOn: [namespace] }),
        );
        // The edge's Istio gateway reaches the proxy's HTTPS port with one-way TLS (mesh-client.ts).
        new k8s.apiextensions.CustomResource(
            this.childName("tls-origination"),
            controllerTlsOriginationManifest(controllerTlsOrigination("kong", ctx.labels)) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions({ dependsOn: [this.release] }),
        );
        this.ingressClass = KONG_INGRESS_CLASS;
        this.adminServiceType = "ClusterIP";
        this.complete("ingressClass", "adminServiceType");
    }
}

export function validateKongArgs(args: KongArgs): Issue[] {
    return checkReplicas("replicas", args.replicas);
}
