/**
 * Environment profiles: every number that differs between environments lives here, typed, with
 * the seed it comes from. Stacks never hard-code a size; they read the resolved profile.
 */

import { type EnvironmentName, type KubernetesVersion } from "@platform/facts";

export { ENVIRONMENTS, type EnvironmentName, isEnvironmentName, isProductionEnvironment, PRODUCTION_ENVIRONMENTS } from "@platform/facts";

/** Clouds the platform provisions. */
export const CLOUDS = ["aws", "gcp"] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * How the network reaches the internet from private subnets.
 * - `none`: no NAT (air-gapped workloads; endpoints only).
 * - `single`: one NAT in the first AZ (cheap; an AZ outage cuts egress everywhere).
 * - `perAz`: one NAT per AZ (no cross-AZ dependency; the production choice).
 */
export const NAT_GATEWAY_STRATEGIES = ["none", "single", "perAz"] as const;
export type NatGatewayStrategy = (typeof NAT_GATEWAY_STRATEGIES)[number];

export interface NetworkProfile {
    /**
     * AZs (AWS) or zones (GCP) the network spans. A dev network still spans 2 AZs on AWS because
     * EKS refuses a control plane with subnets in fewer than two; dev *workloads* stay single-zone
     * (see {@link ClusterProfile.nodeZones}).
     */
    readonly availabilityZones: number;
    readonly natGateways: NatGatewayStrategy;
    /** Flow log retention in days (CloudWatch Logs accepts only its fixed set of values). */
    readonly flowLogRetentionDays: number;
}

export { KUBERNETES_VERSIONS, type KubernetesVersion } from "@platform/facts";

/** GKE release channels the platform uses: REGULAR outside production, STABLE in prod and dr. */
export const GKE_RELEASE_CHANNELS = ["REGULAR", "STABLE"] as const;
export type GkeReleaseChannel = (typeof GKE_RELEASE_CHANNELS)[number];

export interface ClusterProfile {
    /**
     * Kubernetes minor version, pinned per environment (seed 001: 1.28+). Upgrades go dev, then
     * staging, then prod, one minor at a time (docs/decisions.md). On GKE it is the minimum master
     * version; the release channel upgrades patches.
     */
    readonly kubernetesVersion: KubernetesVersion;
    /** Worker nodes the general node pool starts with (seed 000: prod 3, staging 2). */
    readonly nodeCount: number;
    /** Fewest general nodes: the floor autoscaling never goes below. */
    readonly minNodes: number;
    /** Most general-purpose capacity, in nodes of the profile's size (managed nodes plus autoscaled ones). */
    readonly maxNodes: number;
    readonly nodeVcpu: number;
    readonly nodeMemoryGiB: number;
    /** Zones the worker nodes are spread over (seed 003: dev single-zone). */
    readonly nodeZones: number;
    /**
     * Nodes of the separate system pool (2 vCPU / 8 GiB, tainted `CriticalAddonsOnly`) that runs
     * cluster-critical add-ons apart from workloads; 0 for none (dev).
     */
    readonly systemNodes: number;
    /** Autoscaled capacity may use spot / preemptible instances (seed 003 C7); never in production. */
    readonly spotCapacity: boolean;
    /** GKE only: the release channel (REGULAR outside prod, STABLE in prod and dr). */
    readonly releaseChannel: GkeReleaseChannel;
}

export interface DataProfile {
    /** Multi-AZ (RDS) / REGIONAL (Cloud SQL) databases (seeds 000, 001, 003, 004). */
    readonly highAvailability: boolean;
    /** Database storage in GB (seed 000: prod 500 GB SSD, staging 200 GB SSD). */
    readonly storageGb: number;
    /** Automated backup retention in days (seed 000: 30-day retention; seed 002: 7-day PITR). */
    readonly backupRetentionDays: number;
    readonly pointInTimeRecovery: boolean;
    readonly deletionProtection: boolean;
}

/**
 * Replica counts of the platform layer's in-cluster add-ons (seeds 001 and 004, R10): Istio's
 * control plane and gateways, Kong, and the other controllers (cert-manager, External Secrets,
 * KEDA, Flagger, metrics-server, ingress-nginx). Spread over zones and nodes by the add-ons; in prod
 * and dr an override below the profile needs a waiver.
 */
export interface PlatformProfile {
    /** istiod replicas, the HPA's minimum (seed 001: "HA - 3 Replicas"). */
    readonly istiodReplicas: number;
    /** Istio ingress gateway and ingress-nginx controller replicas, the HPA's minimum (seed 001: 3). */
    readonly ingressGatewayReplicas: number;
    /** Istio egress gateway replicas, the HPA's minimum (seed 001: 2). */
    readonly egressGatewayReplicas: number;
    /** Kong gateway replicas (seed 004: `replicas: 2` in production). */
    readonly kongReplicas: number;
    /** Replicas of the other add-on controllers and webhooks (leader-elected; 2 keeps one through a node drain). */
    readonly controllerReplicas: number;
}

/**
 * The in-cluster monitoring stack (kube-prometheus-stack): Prometheus HA pairs scrape the same
 * targets (either keeps alerting through a node drain), Alertmanager replicas gossip so a
 * notification goes out once, and Prometheus keeps its data on encrypted volumes.
 */
export interface MonitoringProfile {
    /** Prometheus replicas, each a full copy (issue 11: 2 in prod). */
    readonly prometheusReplicas: number;
    /** Alertmanager replicas, a gossip cluster (issue 11: 3 in prod; an odd count survives a partition). */
    readonly alertmanagerReplicas: number;
    /** Days of metrics Prometheus keeps (the SLOs' 30-day error budget needs at least 30 in prod). */
    readonly retentionDays: number;
    /** Size of each Prometheus volume in GiB; retention is also capped at 85% of it. */
    readonly storageGiB: number;
    /**
     * Days Loki keeps logs (its compactor deletes older chunks; the bucket's lifecycle expires
     * whatever is left a day later). Defaults: 7 dev, 14 staging, 30 prod and dr: a month covers
     * most incident reviews, and logs are the largest telemetry by volume (object storage and
     * request costs grow linearly with it). Audit logs are kept elsewhere, longer (CloudTrail,
     * Cloud Audit Logs).
     */
    readonly logRetentionDays: number;
    /**
     * Days Tempo keeps traces (its compactor's block retention; the bucket expires objects a day
     * later). Defaults: 3 dev, 7 staging, 14 prod and dr: traces at seed 001's 100 % sampling are
     * the costliest signal per request and are read for recent incidents, not for trends (the
     * metrics keep those).
     */
    readonly traceRetentionDays: number;
    /**
     * Replicas of the OpenTelemetry Collector gateway (seed 001 O11: 3 in prod, "HA"). Defaults: 1
     * dev, 2 staging, 3 prod and dr: every OTLP export goes through it, so prod survives a node
     * drain and a zone loss with two left.
     */
    readonly collectorReplicas: number;
    /**
     * Loki's deployment mode: `SingleBinary` (one pod, dev: cheapest) or `SimpleScalable` (3 write,
     * 2 read, 3 backend pods with replication factor 3: a write survives losing one pod).
     */
    readonly lokiDeploymentMode: LokiDeploymentMode;
}

/**
 * Falco's agent on every node (the runtime security DaemonSet): what each pod asks for and may use.
 * Requests are what the scheduler reserves on every node, so they are the cost: kept small outside
 * production. The memory limit bounds a burst of events (Falco's buffers) before the pod restarts.
 */
export interface RuntimeSecurityProfile {
    /** CPU each Falco pod requests, in millicores (the chart's default is 100). */
    readonly cpuRequestMillicores: number;
    /** Memory each Falco pod requests, in MiB (the chart's default is 512). */
    readonly memoryRequestMiB: number;
    /** Memory limit of each Falco pod, in MiB (the chart's default is 1024). */
    readonly memoryLimitMiB: number;
}

/** Loki's deployment modes the platform supports (the chart's `deploymentMode`). */
export const LOKI_DEPLOYMENT_MODES = ["SingleBinary", "SimpleScalable"] as const;
export type LokiDeploymentMode = (typeof LOKI_DEPLOYMENT_MODES)[number];

/** Everything that differs between environments. */
export interface EnvironmentProfile {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    /** Default region (seed 001: us-east-1 primary; seed 003: US West (Oregon) secondary). */
    readonly region: string;
    readonly network: NetworkProfile;
    readonly cluster: ClusterProfile;
    readonly data: DataProfile;
    /** The platform layer's add-on replicas. */
    readonly platform: PlatformProfile;
    /** The in-cluster monitoring stack. */
    readonly monitoring: MonitoringProfile;
    /** Falco on every node. */
    readonly runtimeSecurity: RuntimeSecurityProfile;
    /** Minimum replicas for platform workloads (seed 001: "2 for prod"). */
    readonly minReplicas: number;
    /**
     * `protect: true` and deletion protection on stateful resources (keys, databases, buckets,
     * clusters). On in prod and dr, where an accidental delete loses data.
     */
    readonly protectStatefulResources: boolean;
    /** Log group retention for platform logs, in days. */
    readonly logRetentionDays: number;
}

/** Logs, traces and the collector per environment (MonitoringProfile documents each number). */
const DEV_TELEMETRY = { logRetentionDays: 7, traceRetentionDays: 3, collectorReplicas: 1, lokiDeploymentMode: "SingleBinary" } as const;
const STAGING_TELEMETRY = {
    logRetentionDays: 14,
    traceRetentionDays: 7,
    collectorReplicas: 2,
    lokiDeploymentMode: "SimpleScalable",
} as const;
const PRODUCTION_TELEMETRY = {
    logRetentionDays: 30,
    traceRetentionDays: 14,
    collectorReplicas: 3,
    lokiDeploymentMode: "SimpleScalable",
} as const;

const devProfile: EnvironmentProfile = {
    environment: "dev",
    cloud: "aws",
    region: "us-east-1",
    network: { availabilityZones: 2, natGateways: "single", flowLogRetentionDays: 14 },
    cluster: {
        kubernetesVersion: "1.35",
        nodeCount: 1,
        minNodes: 1,
        maxNodes: 3,
        nodeVcpu: 2,
        nodeMemoryGiB: 8,
        nodeZones: 1,
        systemNodes: 0,
        spotCapacity: true,
        releaseChannel: "REGULAR",
    },
    data: { highAvailability: false, storageGb: 50, backupRetentionDays: 7, pointInTimeRecovery: true, deletionProtection: false },
    platform: { istiodReplicas: 1, ingressGatewayReplicas: 1, egressGatewayReplicas: 1, kongReplicas: 1, controllerReplicas: 1 },
    monitoring: { prometheusReplicas: 1, alertmanagerReplicas: 1, retentionDays: 7, storageGiB: 20, ...DEV_TELEMETRY },
    runtimeSecurity: { cpuRequestMillicores: 100, memoryRequestMiB: 512, memoryLimitMiB: 1024 },
    minReplicas: 1,
    protectStatefulResources: false,
    logRetentionDays: 14,
};

const stagingProfile: EnvironmentProfile = {
    environment: "staging",
    cloud: "aws",
    region: "us-east-1",
    network: { availabilityZones: 2, natGateways: "perAz", flowLogRetentionDays: 30 },
    cluster: {
        kubernetesVersion: "1.35",
        nodeCount: 2,
        minNodes: 2,
        maxNodes: 6,
        nodeVcpu: 4,
        nodeMemoryGiB: 16,
        nodeZones: 2,
        systemNodes: 2,
        spotCapacity: true,
        releaseChannel: "REGULAR",
    },
    data: { highAvailability: true, storageGb: 200, backupRetentionDays: 7, pointInTimeRecovery: true, deletionProtection: true },
    platform: { istiodReplicas: 2, ingressGatewayReplicas: 2, egressGatewayReplicas: 2, kongReplicas: 2, controllerReplicas: 2 },
    monitoring: { prometheusReplicas: 2, alertmanagerReplicas: 2, retentionDays: 15, storageGiB: 50, ...STAGING_TELEMETRY },
    runtimeSecurity: { cpuRequestMillicores: 100, memoryRequestMiB: 512, memoryLimitMiB: 1024 },
    minReplicas: 2,
    protectStatefulResources: false,
    logRetentionDays: 30,
};

const prodProfile: EnvironmentProfile = {
    environment: "prod",
    cloud: "aws",
    region: "us-east-1",
    network: { availabilityZones: 3, natGateways: "perAz", flowLogRetentionDays: 365 },
    cluster: {
        kubernetesVersion: "1.35",
        nodeCount: 3,
        minNodes: 3,
        maxNodes: 9,
        nodeVcpu: 8,
        nodeMemoryGiB: 32,
        nodeZones: 3,
        systemNodes: 3,
        spotCapacity: false,
        releaseChannel: "STABLE",
    },
    data: { highAvailability: true, storageGb: 500, backupRetentionDays: 30, pointInTimeRecovery: true, deletionProtection: true },
    platform: { istiodReplicas: 3, ingressGatewayReplicas: 3, egressGatewayReplicas: 2, kongReplicas: 2, controllerReplicas: 2 },
    monitoring: { prometheusReplicas: 2, alertmanagerReplicas: 3, retentionDays: 30, storageGiB: 100, ...PRODUCTION_TELEMETRY },
    runtimeSecurity: { cpuRequestMillicores: 200, memoryRequestMiB: 768, memoryLimitMiB: 1536 },
    minReplicas: 2,
    protectStatefulResources: true,
    logRetentionDays: 90,
};

/** GCP warm standby for prod: sized like prod so a failover can take prod's load. */
const drProfile: EnvironmentProfile = {
    environment: "dr",
    cloud: "gcp",
    region: "us-west1",
    network: { availabilityZones: 3, natGateways: "perAz", flowLogRetentionDays: 365 },
    cluster: {
        kubernetesVersion: "1.35",
        nodeCount: 3,
        minNodes: 3,
        maxNodes: 9,
        nodeVcpu: 8,
        nodeMemoryGiB: 32,
        nodeZones: 3,
        systemNodes: 3,
        spotCapacity: false,
        releaseChannel: "STABLE",
    },
    data: { highAvailability: true, storageGb: 500, backupRetentionDays: 30, pointInTimeRecovery: true, deletionProtection: true },
    platform: { istiodReplicas: 3, ingressGatewayReplicas: 3, egressGatewayReplicas: 2, kongReplicas: 2, controllerReplicas: 2 },
    monitoring: { prometheusReplicas: 2, alertmanagerReplicas: 3, retentionDays: 30, storageGiB: 100, ...PRODUCTION_TELEMETRY },
    runtimeSecurity: { cpuRequestMillicores: 200, memoryRequestMiB: 768, memoryLimitMiB: 1536 },
    minReplicas: 2,
    protectStatefulResources: true,
    logRetentionDays: 90,
};

/** The built-in profiles, keyed by environment. */
export const PROFILES: Readonly<Record<EnvironmentName, EnvironmentProfile>> = {
    dev: devProfile,
    staging: stagingProfile,
    prod: prodProfile,
    dr: drProfile,
};
