/**
 * Kubernetes versions the platform supports: the profiles pin one of them per environment, the
 * cluster layer has pinned EKS add-ons for each, and the aws pack's eks-supported-version policy
 * refuses anything older than the first (EKS standard support; the upgrade path is in
 * docs/decisions.md "Kubernetes versions").
 */
export const KUBERNETES_VERSIONS = ["1.34", "1.35", "1.36"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** The oldest minor version a cluster may run. */
export const OLDEST_SUPPORTED_KUBERNETES_VERSION: KubernetesVersion = KUBERNETES_VERSIONS[0];

/** `[major, minor]` of a `<major>.<minor>` version string (a patch part is ignored); undefined for anything else. */
export function kubernetesMinor(version: string): [number, number] | undefined {
    const match = /^(\d+)\.(\d+)(\.\d+)?$/.exec(version);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Labels every workload of the platform carries (seed 001's Gatekeeper `k8srequiredlabels`): the
 * golden-path Workload sets them, the kubernetes pack's `kubernetes-required-labels` requires them,
 * and `environment` is how a kubernetes policy knows the environment of an object.
 */
export const REQUIRED_WORKLOAD_LABELS = ["app", "version", "environment", "team"] as const;
export type RequiredWorkloadLabel = (typeof REQUIRED_WORKLOAD_LABELS)[number];

/**
 * Image registries workloads may pull from unless a stack lists its own (`platform:platform.trustedRegistries`,
 * the kubernetes pack's `kubernetes-trusted-registries` config): ECR private registries, Google
 * Artifact Registry and GHCR (seed 001 "trusted registries"; seeds 000, 002, 003 name them). A
 * pattern is a registry host; `*` stands for one DNS label or a dot-separated run of them.
 */
export const DEFAULT_TRUSTED_REGISTRIES = ["*.dkr.ecr.*.amazonaws.com", "*-docker.pkg.dev", "ghcr.io"] as const;

/** The Pod Security Standards level every namespace of the platform enforces (seed 003 S13). */
export const POD_SECURITY_LEVEL = "restricted";

/**
 * The Kubernetes group bound to cluster-admin when `platform:platform.rbac.breakGlassGroup` is
 * unset: the one subject the kubernetes pack's `kubernetes-no-cluster-admin-binding` allows by
 * default. Nobody is in it until an administrator adds someone in an emergency.
 */
export const DEFAULT_BREAK_GLASS_GROUP = "platform:break-glass";

/**
 * The Service annotations that make a `LoadBalancer` Service's load balancer internal (an address
 * in the VPC only): the add-ons write the first of each cloud's list, and the kubernetes pack's
 * `kubernetes-gateways-behind-public-edge` accepts any of them. AWS: the cloud provider's
 * annotation and the AWS Load Balancer Controller's scheme; GKE: the current annotation and the
 * one it replaced.
 */
export const INTERNAL_LOAD_BALANCER_ANNOTATIONS = {
    aws: [
        { key: "service.beta.kubernetes.io/aws-load-balancer-internal", value: "true" },
        { key: "service.beta.kubernetes.io/aws-load-balancer-scheme", value: "internal" },
    ],
    gcp: [
        { key: "networking.gke.io/load-balancer-type", value: "Internal" },
        { key: "cloud.google.com/load-balancer-type", value: "Internal" },
    ],
} as const;

/** The Let's Encrypt ClusterIssuers cert-manager gets where there is a public zone (`@platform/addons` CertManager). */
export const CLUSTER_ISSUERS = { staging: "letsencrypt-staging", production: "letsencrypt-production" } as const;

/** The IngressClass names of the platform's ingress controllers (`@platform/addons`: ingress-nginx and Kong). */
export const INGRESS_CLASSES = { nginx: "nginx", kong: "kong" } as const;

/**
 * Where each ingress controller's proxy takes HTTPS inside the cluster: its namespace and the
 * Service its chart names after the platform's release (ingress-nginx's `<release>-controller`
 * for release `ingress-nginx`; Kong's `<release>-<chart>-proxy` for release `kong`, chart `kong`).
 * The public edge's Istio gateway sends a host published on a controller here, over TLS
 * (`workloadIngress` with `publicGateway`; docs/addons.md).
 */
export const INGRESS_CONTROLLER_PROXIES = {
    nginx: { namespace: "ingress-nginx", release: "ingress-nginx", service: "ingress-nginx-controller", httpsPort: 443 },
    kong: { namespace: "kong", release: "kong", service: "kong-kong-proxy", httpsPort: 443 },
} as const satisfies Record<keyof typeof INGRESS_CLASSES, { namespace: string; release: string; service: string; httpsPort: number }>;

/**
 * A Service's in-cluster name, the Host a mesh sidecar routes by: an ingress controller in the
 * mesh (docs/addons.md) reaches an app, which accepts mTLS only, when it sends to the Service by
 * this name rather than to a pod address.
 */
export function meshServiceHost(service: string, namespace: string): string {
    return `${service}.${namespace}.svc.cluster.local`;
}

/** The annotations that make ingress-nginx send an Ingress's traffic to its Service by name (per Ingress). */
export const NGINX_MESH_UPSTREAM = {
    serviceUpstream: "nginx.ingress.kubernetes.io/service-upstream",
    upstreamVhost: "nginx.ingress.kubernetes.io/upstream-vhost",
} as const;

/** The annotations that make Kong send to a Service by name (on the Service). */
export const KONG_MESH_UPSTREAM = {
    serviceUpstream: "ingress.kubernetes.io/service-upstream",
    hostHeader: "konghq.com/host-header",
} as const;
