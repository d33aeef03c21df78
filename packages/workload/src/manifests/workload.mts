/**
 * The objects of the golden-path Workload, built with the typed models and validated against their
 * schemas: Deployment, Service, ServiceAccount, HorizontalPodAutoscaler, PodDisruptionBudget,
 * NetworkPolicy, ServiceMonitor, KEDA ScaledObject, Istio AuthorizationPolicy, and an Ingress on one
 * of the platform's controllers. Pure functions of
 * plain values, so the component and its tests share them.
 */
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";

type Json = Record<string, unknown>;

function done(model: { validate(): void; toJSON(): unknown }): Json {
    model.validate();
    return model.toJSON() as Json;
}

export interface Quantities {
    readonly cpu: string;
    readonly memory: string;
}

export interface DeploymentValues {
    readonly name: string;
    readonly namespace: string;
    /** Every object's labels: app, version, environment, team (and the platform's). */
    readonly labels: Readonly<Record<string, string>>;
    /** The pod selector: `app` only (the version changes, the selector is immutable). */
    readonly selector: Readonly<Record<string, string>>;
    readonly serviceAccountName: string;
    readonly image: string;
    readonly port: number;
    readonly resources: { readonly requests: Quantities; readonly limits: Quantities };
    readonly readinessPath: string;
    readonly livenessPath: string;
    readonly env: Readonly<Record<string, string>>;
    /** Replicas when nothing else scales the Deployment; omitted (the HPA or KEDA owns it) when undefined. */
    readonly replicas?: number;
    /** Zones the pods spread over (a hard constraint across zones, a soft one across nodes). */
    readonly zoneSpread: boolean;
    readonly annotations: Readonly<Record<string, string>>;
}

/**
 * The Deployment: non-root, read-only root filesystem with a writable /tmp, all capabilities
 * dropped, no privilege escalation, RuntimeDefault seccomp, no service account token unless the
 * workload needs one (its cloud identity does: Pod Identity and Workload Identity read the
 * projected token), readiness and liveness probes, zone topology spread, rolling updates that
 * never go below the desired count.
 */
export function deploymentManifest(v: DeploymentValues): Json {
    const spread = [
        ...(v.zoneSpread
            ? [
                  {
                      maxSkew: 1,
                      topologyKey: "topology.kubernetes.io/zone",
                      whenUnsatisfiable: "DoNotSchedule" as const,
                      labelSelector: { matchLabels: { ...v.selector } },
                  },
              ]
            : []),
        {
            maxSkew: 1,
            topologyKey: "kubernetes.io/hostname",
            whenUnsatisfiable: "ScheduleAnyway" as const,
            labelSelector: { matchLabels: { ...v.selector } },
        },
    ];
    return done(
        new Deployment({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                ...(v.replicas !== undefined ? { replicas: v.replicas } : {}),
                revisionHistoryLimit: 10,
                selector: { matchLabels: { ...v.selector } },
                strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
                template: {
                    metadata: { labels: { ...v.labels }, annotations: { ...v.annotations } },
                    spec: {
                        serviceAccountName: v.serviceAccountName,
                        // No Kubernetes API token: Pod Identity, Workload Identity and Istio mount their own tokens.
                        automountServiceAccountToken: false,
                        securityContext: {
                            runAsNonRoot: true,
                            runAsUser: 10001,
                            runAsGroup: 10001,
                            fsGroup: 10001,
                            seccompProfile: { type: "RuntimeDefault" },
                        },
                        topologySpreadConstraints: spread,
                        terminationGracePeriodSeconds: 30,
                        containers: [
                            {
                                name: v.name,
                                image: v.image,
                                imagePullPolicy: "IfNotPresent",
                                ports: [{ name: "http", containerPort: v.port, protocol: "TCP" }],
                                env: Object.entries(v.env).map(([name, value]) => ({ name, value })),
                                resources: {
                                    requests: { cpu: v.resources.requests.cpu, memory: v.resources.requests.memory },
                                    limits: { cpu: v.resources.limits.cpu, memory: v.resources.limits.memory },
                                },
                                readinessProbe: {
                                    httpGet: { path: v.readinessPath, port: "http" },
                                    periodSeconds: 10,
                                    timeoutSeconds: 5,
                                    failureThreshold: 3,
                                },
                                livenessProbe: {
                                    httpGet: { path: v.livenessPath, port: "http" },
                                    initialDelaySeconds: 10,
                                    periodSeconds: 30,
                                    timeoutSeconds: 10,
                                    failureThreshold: 3,
                                },
                                securityContext: {
                                    runAsNonRoot: true,
                                    readOnlyRootFilesystem: true,
                                    allowPrivilegeEscalation: false,
                                    privileged: false,
                                    capabilities: { drop: ["ALL"] },
                                    seccompProfile: { type: "RuntimeDefault" },
                                },
                                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                            },
                        ],
                        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
                    },
                },
            },
        }),
    );
}

export function serviceManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    annotations: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
    port: number;
}): Json {
    return done(
        new Service({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels }, annotations: { ...v.annotations } },
            spec: {
                type: "ClusterIP",
                selector: { ...v.selector },
                // `http` names the protocol for Istio (appProtocol) and the ServiceMonitor's endpoint.
                ports: [{ name: "http", port: v.port, targetPort: "http", protocol: "TCP", appProtocol: "http" }],
            },
        }),
    );
}

export function serviceAccountManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    annotations: Readonly<Record<string, string>>;
}): Json {
    return done(
        new ServiceAccount({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels }, annotations: { ...v.annotations } },
            automountServiceAccountToken: false,
        }),
    );
}

/** The HPA: CPU utilization target, a minimum and a maximum, and a scale-down that waits 5 minutes. */
export function hpaManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    minReplicas: number;
    maxReplicas: number;
    cpuUtilization: number;
}): Json {
    return done(
        new HorizontalPodAutoscaler({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: v.name },
                minReplicas: v.minReplicas,
                maxReplicas: v.maxReplicas,
                metrics: [
                    { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: v.cpuUtilization } } },
                ],
                behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
            },
        }),
    );
}

/** The PDB: one pod may be evicted at a time (never zero: that would block node drains). */
export function pdbManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
}): Json {
    return done(
        new PodDisruptionBudget({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: { maxUnavailable: 1, selector: { matchLabels: { ...v.selector } }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
        }),
    );
}

/** A peer a NetworkPolicy allows: pods of an app (in this or another namespace), a namespace, or a CIDR block. */
export interface Peer {
    readonly namespace?: string;
    readonly app?: string;
    readonly cidr?: string;
}

export interface NetworkRule {
    readonly peers: readonly Peer[];
    readonly ports: readonly number[];
}

function peerOf(p: Peer): Json {
    if (p.cidr !== undefined) return { ipBlock: { cidr: p.cidr } };
    return {
        ...(p.namespace !== undefined ? { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": p.namespace } } } : {}),
        ...(p.app !== undefined ? { podSelector: { matchLabels: { app: p.app } } } : {}),
    };
}

/** What the workload's pods may receive and send, on top of the namespace's default deny. */
export function networkPolicyManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
    ingress: readonly NetworkRule[];
    egress: readonly NetworkRule[];
}): Json {
    return done(
        new NetworkPolicy({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                podSelector: { matchLabels: { ...v.selector } },
                policyTypes: ["Ingress", "Egress"],
                ingress: v.ingress.map((r) => ({ from: r.peers.map(peerOf), ports: r.ports.map((port) => ({ protocol: "TCP", port })) })),
                egress: v.egress.map((r) => ({ to: r.peers.map(peerOf), ports: r.ports.map((port) => ({ protocol: "TCP", port })) })),
            },
        }),
    );
}

/** The ServiceMonitor: Prometheus scrapes the Service's `http` port every 30 seconds. */
export function serviceMonitorManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
    path: string;
}): Json {
    return done(
        new ServiceMonitor({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                selector: { matchLabels: { ...v.selector } },
                namespaceSelector: { matchNames: [v.namespace] },
                endpoints: [{ port: "http", path: v.path, interval: "30s", scrapeTimeout: "10s" }],
            },
        }),
    );
}

/** One KEDA trigger (seed 001 C10-C12: aws-sqs-queue, prometheus, cron). */
export interface ScaledTrigger {
    readonly type: string;
    readonly metadata: Readonly<Record<string, string>>;
    /**
     * A ClusterTriggerAuthentication the trigger authenticates with (the KEDA add-on's
     * `keda-pod-identity`: the operator's own Pod Identity / Workload Identity). None for triggers
     * that need no credentials (cron, an in-cluster Prometheus).
     */
    readonly clusterAuthentication?: string;
}

/** The ScaledObject: KEDA owns the Deployment's HPA (there is no second HPA). */
export function scaledObjectManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    minReplicas: number;
    maxReplicas: number;
    triggers: readonly ScaledTrigger[];
    cpuUtilization: number;
}): Json {
    return done(
        new ScaledObject({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: v.name },
                minReplicaCount: v.minReplicas,
                maxReplicaCount: v.maxReplicas,
                pollingInterval: 30,
                cooldownPeriod: 300,
                advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } } },
                triggers: [
                    { type: "cpu", metricType: "Utilization", metadata: { value: String(v.cpuUtilization) } },
                    ...v.triggers.map((t) => ({
                        type: t.type,
                        metadata: { ...t.metadata },
                        ...(t.clusterAuthentication !== undefined
                            ? { authenticationRef: { name: t.clusterAuthentication, kind: "ClusterTriggerAuthentication" } }
                            : {}),
                    })),
                ],
            },
        }),
    );
}

/** The Istio AuthorizationPolicy: only the listed workloads (SPIFFE principals) may call this one. */
/** Routes a workload's public names from the edge's Istio Gateway (`<namespace>/<name>`) to its Service. */
export function publicRouteManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    gateway: string;
    hostnames: readonly string[];
    pathPrefix: string;
    /** The Service's in-cluster name (`meshServiceHost`). */
    serviceHost: string;
    port: number;
}): Json {
    return done(
        new VirtualService({
            metadata: { name: `${v.name}-public`, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                hosts: [...v.hostnames],
                gateways: [v.gateway],
                http: [
                    {
                        match: [{ uri: { prefix: v.pathPrefix } }],
                        route: [{ destination: { host: v.serviceHost, port: { number: v.port } } }],
                    },
                ],
            },
        }),
    );
}

export function authorizationPolicyManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    selector: Readonly<Record<string, string>>;
    principals: readonly string[];
    port: number;
}): Json {
    return done(
        new AuthorizationPolicy({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
            spec: {
                selector: { matchLabels: { ...v.selector } },
                action: "ALLOW",
                rules: [{ from: [{ source: { principals: [...v.principals] } }], to: [{ operation: { ports: [String(v.port)] } }] }],
            },
        }),
    );
}

/** An Ingress of `ingressClassName` for one host, TLS from cert-manager, every path to one Service. */
export function ingressManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    annotations: Readonly<Record<string, string>>;
    ingressClassName: string;
    host: string;
    pathPrefix: string;
    service: string;
    port: number;
}): Json {
    return done(
        new Ingress({
            metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels }, annotations: { ...v.annotations } },
            spec: {
                ingressClassName: v.ingressClassName,
                tls: [{ hosts: [v.host], secretName: `${v.name}-tls` }],
                rules: [
                    {
                        host: v.host,
                        http: {
                            paths: [
                                {
                                    path: v.pathPrefix,
                                    pathType: "Prefix",
                                    backend: { service: { name: v.service, port: { number: v.port } } },
                                },
                            ],
                        },
                    },
                ],
            },
        }),
    );
}
