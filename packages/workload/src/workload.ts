/**
 * Workload: the golden path app teams deploy a service with. One component gives a service
 * everything the platform expects of it, built from typed, schema-validated manifests
 * (`manifests/workload.mts`):
 *
 * - a Deployment: resources (requests and limits), readiness and liveness probes, a hardened
 *   securityContext (non-root, read-only root filesystem, all capabilities dropped, no privilege
 *   escalation, RuntimeDefault seccomp), a hard zone spread and a soft node spread, the labels
 *   app, version, environment and team (seed 001), an image from a trusted registry pinned to a
 *   tag or digest that is not `latest`;
 * - a ClusterIP Service (Flagger owns the Services when a canary is on), a ServiceAccount bound to
 *   a cloud identity ({@link CloudIdentity}: Pod Identity / Workload Identity);
 * - an HPA (seed C8: 2 to 10 replicas at 80 % CPU; never below the environment's floor, 2 in
 *   prod), or a KEDA ScaledObject when scaling triggers are given (seed C10-C12), never both;
 * - a PodDisruptionBudget allowing one disruption; a NetworkPolicy allowing the declared ingress
 *   and egress on top of the namespace's default deny (and Prometheus from the monitoring
 *   namespace); a ServiceMonitor;
 * - optional: a Flagger Canary with the seed 001 analysis, an Istio AuthorizationPolicy, a route
 *   from the public edge (an Istio VirtualService on the edge's Gateway, or the canary's).
 *
 * The namespace is the caller's ({@link PlatformNamespace}); pass the cluster's kubernetes
 * provider, and the cloud provider, in `providers`.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, meshServiceHost, PlatformComponent } from "@platform/core";
import { type CanaryAnalysis, canaryManifest, SEED_CANARY_ANALYSIS } from "./manifests/canary.js";
import {
    authorizationPolicyManifest,
    deploymentManifest,
    hpaManifest,
    type NetworkRule,
    networkPolicyManifest,
    pdbManifest,
    type Quantities,
    type ScaledTrigger,
    scaledObjectManifest,
    serviceAccountManifest,
    serviceManifest,
    serviceMonitorManifest,
} from "./manifests/workload.mjs";
import { CloudIdentity, type IdentityCluster } from "./identity.js";
import { kongMeshUpstream } from "./mesh-upstream.js";
import { edgeRoute } from "./public-route.js";
import { validateWorkloadArgs } from "./workload-validation.js";

export type { NetworkRule, Peer, Quantities, ScaledTrigger } from "./manifests/workload.mjs";

/** The label every object of a Workload carries, and that its policies select pods by (Flagger keeps it on the primary). */
export const WORKLOAD_LABEL = "platform.io/workload";

/** The namespace Prometheus scrapes from (the observability layer's). */
export const MONITORING_NAMESPACE = "monitoring";

/** Istio's sidecar telemetry port (merged application and proxy metrics). */
export const ISTIO_METRICS_PORT = 15020;

export interface WorkloadArgs {
    readonly naming: ComponentNaming;
    /** The namespace (a {@link PlatformNamespace}). */
    readonly namespace: string;
    /** The owning team (the `team` label). */
    readonly team: string;
    /** The image: `<registry>/<repository>:<tag>` or `@sha256:<digest>`, from a trusted registry, never `latest`. */
    readonly image: string;
    /** The `version` label (usually the image tag). */
    readonly version: string;
    /** Registry host patterns images may come from (`platform:platform.trustedRegistries`). */
    readonly trustedRegistries: readonly string[];
    /** The port the container serves HTTP on. */
    readonly port: number;
    /** CPU and memory requests and limits (the scheduler and the QoS class need both). */
    readonly resources: { readonly requests: Quantities; readonly limits: Quantities };
    /** HTTP paths of the readiness and liveness probes. */
    readonly health: { readonly readinessPath: string; readonly livenessPath: string };
    /** Plain environment variables (secrets come from ExternalSecrets, never from here). @default {} */
    readonly env?: Readonly<Record<string, string>>;
    /**
     * Replicas the autoscaler keeps between (seed C8: 2 to 10).
     * @default { min: 2, max: 10 }
     */
    readonly replicas?: { readonly min: number; readonly max: number };
    /** The environment's floor (the profile's `minReplicas`: 2 in prod): `replicas.min` below it is refused. */
    readonly minReplicasFloor: number;
    /**
     * Average CPU utilization the autoscaler aims at, in percent of requests (seed C8: 80).
     * @default 80
     */
    readonly cpuTargetPercent?: number;
    /**
     * Spread pods over zones (a hard constraint, maxSkew 1). Off only for a single-zone environment's tooling.
     * @default true
     */
    readonly zoneSpread?: boolean;
    /** The cluster the workload's cloud identity belongs to, and its permissions. */
    readonly identity: {
        readonly cluster: IdentityCluster;
        /** AWS: inline IAM policy (JSON) of the workload's role. */
        readonly awsPolicy?: pulumi.Input<string>;
        /** GCP: project roles of its Google service account. */
        readonly gcpProjectRoles?: readonly string[];
    };
    /** Who may call the workload (peers and ports), on top of the namespace's default deny. @default [] */
    readonly ingress?: readonly NetworkRule[];
    /** Whom the workload may call (DNS and istiod are allowed by the namespace). @default [] */
    readonly egress?: readonly NetworkRule[];
    /** The metrics path the ServiceMonitor scrapes on the HTTP port. @default "/metrics" */
    readonly metricsPath?: string;
    /**
     * A Flagger canary (Istio provider) with the seed 001 analysis; fields override it.
     * @default none
     */
    readonly canary?: Partial<CanaryAnalysis>;
    /** KEDA triggers (seed C10-C12); with them a ScaledObject replaces the HPA. @default none */
    readonly scaling?: { readonly triggers: readonly ScaledTrigger[] };
    /**
     * Istio AuthorizationPolicy: only these SPIFFE principals (`cluster.local/ns/<ns>/sa/<sa>`) may call it.
     * @default none (mesh mTLS and the NetworkPolicy only)
     */
    readonly authorization?: { readonly principals: readonly string[] };
    /**
     * Publish the workload on the environment's public edge (the WAF / Cloud Armor-guarded load
     * balancer, which terminates TLS): its names are routed from the edge's Istio Gateway
     * (`<namespace>/<name>`, the platform contract's `istio.publicGateway`) to the Service (with a
     * canary, through Flagger's VirtualService, so public traffic is shifted too), and the ingress
     * gateway may call it (NetworkPolicy; the AuthorizationPolicy when one is set). The names
     * must be among the edge's hosts.
     * @default none (reachable inside the cluster only)
     */
    readonly publicRoute?: {
        readonly gateway: pulumi.Input<string>;
        readonly hostnames: readonly string[];
        /** @default "/" */
        readonly pathPrefix?: string;
    };
}

/** The Istio ingress gateway's namespace and service account: the public edge's traffic comes from them. */
export const PUBLIC_INGRESS = { namespace: "istio-ingress", principal: "cluster.local/ns/istio-ingress/sa/istio-ingressgateway" } as const;

/** Pass the cluster's kubernetes provider and the cloud provider in `providers`. */
export class Workload extends PlatformComponent {
    readonly appName: string;
    readonly namespaceName: string;
    readonly serviceAccountName: string;
    /** `<name>.<namespace>.svc.cluster.local:<port>`. */
    readonly address: string;
    /** The Service's port. */
    readonly port: number;
    readonly deployment: k8s.apps.v1.Deployment;
    readonly identity: CloudIdentity;

    constructor(name: string, args: WorkloadArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workload:Workload", name, args.naming, opts);
        const replicas = args.replicas ?? { min: 2, max: 10 };
        const cpuTargetPercent = args.cpuTargetPercent ?? 80;
        const canary = args.canary === undefined ? undefined : { ...SEED_CANARY_ANALYSIS, ...args.canary };
        const publicRoute =
            args.publicRoute === undefined ? undefined : { ...args.publicRoute, pathPrefix: args.publicRoute.pathPrefix ?? "/" };
        this.validate(validateWorkloadArgs(name, args, replicas, cpuTargetPercent, canary));

        const ns = args.namespace;
        const labels = {
            app: name,
            version: args.version,
            environment: args.naming.environment,
            team: args.team,
            [WORKLOAD_LABEL]: name,
            "app.kubernetes.io/managed-by": "pulumi",
        };
        const pods = { [WORKLOAD_LABEL]: name };
        const meta = { name, namespace: ns, labels };

        this.identity = new CloudIdentity(
            `${name}-identity`,
            {
                naming: args.naming,
                cluster: args.identity.cluster,
                namespace: ns,
                serviceAccount: name,
                ...(args.identity.awsPolicy !== undefined ? { awsPolicy: args.identity.awsPolicy } : {}),
                ...(args.identity.gcpProjectRoles !== undefined ? { gcpProjectRoles: args.identity.gcpProjectRoles } : {}),
            },
            { parent: this },
        );
        const serviceAccount = new k8s.core.v1.ServiceAccount(
            this.childName("service-account"),
            serviceAccountManifest({ ...meta, annotations: this.identity.serviceAccountAnnotations }),
            this.childOptions(),
        );

        const scaled = args.scaling !== undefined;
        this.deployment = new k8s.apps.v1.Deployment(
            this.childName("deployment"),
            deploymentManifest({
                ...meta,
                selector: { app: name },
                serviceAccountName: name,
                image: args.image,
                port: args.port,
                resources: args.resources,
                readinessPath: args.health.readinessPath,
                livenessPath: args.health.livenessPath,
                env: args.env ?? {},
                zoneSpread: args.zoneSpread ?? true,
                // Istio: hold the app until the sidecar is ready, and let Prometheus find the merged metrics.
                annotations: { "proxy.istio.io/config": '{ "holdApplicationUntilProxyStarts": true }' },
            }) as unknown as k8s.apps.v1.DeploymentArgs,
            // The autoscaler owns the replica count: no `replicas` here, so an update never resets it.
            this.childOptions({ dependsOn: [serviceAccount] }),
        );

        if (canary === undefined) {
            new k8s.core.v1.Service(
                this.childName("service"),
                // Kong reaches it through its mesh sidecar (mesh-upstream.ts).
                serviceManifest({ ...meta, annotations: kongMeshUpstream(name, ns), selector: { app: name }, port: args.port }),
                this.childOptions(),
            );
        }
        const autoscaler = scaled
            ? new k8s.apiextensions.CustomResource(
                  this.childName("scaled-object"),
                  scaledObjectManifest({
                      ...meta,
                      minReplicas: replicas.min,
                      maxReplicas: replicas.max,
                      triggers: args.scaling.triggers,
                      cpuUtilization: cpuTargetPercent,
                  }) as k8s.apiextensions.CustomResourceArgs,
                  this.childOptions({ dependsOn: [this.deployment] }),
              )
            : new k8s.autoscaling.v2.HorizontalPodAutoscaler(
                  this.childName("hpa"),
                  hpaManifest({
                      ...meta,
                      minReplicas: replicas.min,
                      maxReplicas: replicas.max,
                      cpuUtilization: cpuTargetPercent,
                  }) as unknown as k8s.autoscaling.v2.HorizontalPodAutoscalerArgs,
                  this.childOptions({ dependsOn: [this.deployment] }),
              );
        new k8s.policy.v1.PodDisruptionBudget(this.childName("pdb"), pdbManifest({ ...meta, selector: pods }), this.childOptions());
        new k8s.networking.v1.NetworkPolicy(
            this.childName("network-policy"),
            networkPolicyManifest({
                ...meta,
                selector: pods,
                ingress: [
                    ...(args.ingress ?? []),
                    ...(args.publicRoute !== undefined ? [{ peers: [{ namespace: PUBLIC_INGRESS.namespace }], ports: [args.port] }] : []),
                    { peers: [{ namespace: MONITORING_NAMESPACE }], ports: [args.port, ISTIO_METRICS_PORT] },
                ],
                egress: args.egress ?? [],
            }),
            this.childOptions(),
        );
        new k8s.apiextensions.CustomResource(
            this.childName("service-monitor"),
            serviceMonitorManifest({
                ...meta,
                selector: pods,
                path: args.metricsPath ?? "/metrics",
            }) as k8s.apiextensions.CustomResourceArgs,
            this.childOptions(),
        );
        if (canary !== undefined) {
            new k8s.apiextensions.CustomResource(
                this.childName("canary"),
                {
                    ...canaryManifest({
                        ...meta,
                        port: args.port,
                        analysis: canary,
                        autoscaler: scaled
                            ? { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject" }
                            : { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" },
                        serviceLabels: pods,
                        serviceAnnotations: kongMeshUpstream(name, ns),
                        ...(publicRoute !== undefined
                            ? { publicRoute: { gateway: publicRoute.gateway, hostnames: publicRoute.hostnames } }
                            : {}),
                    }),
                },
                this.childOptions({ dependsOn: [this.deployment, autoscaler] }),
            );
        }
        if (args.authorization !== undefined) {
            const principals = args.authorization.principals;
            new k8s.apiextensions.CustomResource(
                this.childName("authorization"),
                authorizationPolicyManifest({
                    ...meta,
                    selector: pods,
                    principals:
                        publicRoute !== undefined && !principals.includes(PUBLIC_INGRESS.principal)
                            ? [...principals, PUBLIC_INGRESS.principal]
                            : principals,
                    port: args.port,
                }) as k8s.apiextensions.CustomResourceArgs,
                this.childOptions(),
            );
        }
        // Without a canary the route is ours; with one, Flagger's VirtualService carries the public hosts.
        if (publicRoute !== undefined && canary === undefined) {
            edgeRoute(
                this.childName("public-route"),
                publicRoute.gateway,
                {
                    ...meta,
                    hostnames: publicRoute.hostnames,
                    pathPrefix: publicRoute.pathPrefix,
                    serviceHost: meshServiceHost(name, ns),
                    port: args.port,
                },
                this.childOptions(),
            );
        }

        this.appName = name;
        this.namespaceName = ns;
        this.serviceAccountName = name;
        this.address = `${meshServiceHost(name, ns)}:${args.port}`;
        this.port = args.port;
        this.complete("appName", "namespaceName", "serviceAccountName", "address", "port");
    }
}
