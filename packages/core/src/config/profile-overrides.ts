/** Applying `platform:profile` overrides to an environment profile. */
import { MAX_AZ_SLOTS } from "../cidr/carve.js";
import {
    type ClusterProfile,
    type DataProfile,
    type EnvironmentProfile,
    GKE_RELEASE_CHANNELS,
    type GkeReleaseChannel,
    KUBERNETES_VERSIONS,
    type KubernetesVersion,
    LOKI_DEPLOYMENT_MODES,
    type LokiDeploymentMode,
    NAT_GATEWAY_STRATEGIES,
    type NatGatewayStrategy,
    type MonitoringProfile,
    type PlatformProfile,
} from "../environments/profiles.js";
import { CLOUDWATCH_RETENTION_DAYS } from "../validation/retention.js";

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isNat(value: unknown): value is NatGatewayStrategy {
    return (NAT_GATEWAY_STRATEGIES as readonly unknown[]).includes(value);
}

function isVersion(value: unknown): value is KubernetesVersion {
    return (KUBERNETES_VERSIONS as readonly unknown[]).includes(value);
}

function isChannel(value: unknown): value is GkeReleaseChannel {
    return (GKE_RELEASE_CHANNELS as readonly unknown[]).includes(value);
}

/** `value` when it is a whole number from `min` to `max`, else `fallback`. */
function whole(value: unknown, min: number, max: number, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function clusterOverrides(base: ClusterProfile, overrides: Record<string, unknown>): ClusterProfile {
    const spot = overrides["spotCapacity"];
    return {
        kubernetesVersion: isVersion(overrides["kubernetesVersion"]) ? overrides["kubernetesVersion"] : base.kubernetesVersion,
        nodeCount: whole(overrides["nodeCount"], 1, 100, base.nodeCount),
        minNodes: whole(overrides["minNodes"], 1, 100, base.minNodes),
        maxNodes: whole(overrides["maxNodes"], 1, 300, base.maxNodes),
        nodeVcpu: whole(overrides["nodeVcpu"], 2, 64, base.nodeVcpu),
        nodeMemoryGiB: whole(overrides["nodeMemoryGiB"], 4, 512, base.nodeMemoryGiB),
        nodeZones: whole(overrides["nodeZones"], 1, MAX_AZ_SLOTS, base.nodeZones),
        systemNodes: whole(overrides["systemNodes"], 0, 10, base.systemNodes),
        spotCapacity: typeof spot === "boolean" ? spot : base.spotCapacity,
        releaseChannel: isChannel(overrides["releaseChannel"]) ? overrides["releaseChannel"] : base.releaseChannel,
    };
}

/** Bounds of the monitoring overrides (the schema and the MonitoringStack use the same). */
export const MONITORING_RETENTION_RANGE = { min: 1, max: 400 } as const;
export const MONITORING_STORAGE_RANGE = { min: 10, max: 16384 } as const;
/** Bounds of the log and trace retention overrides: a day to a little over a year (compliance archives belong elsewhere). */
export const TELEMETRY_RETENTION_RANGE = { min: 1, max: 400 } as const;

function monitoringOverrides(base: MonitoringProfile, o: Record<string, unknown>): MonitoringProfile {
    const { min, max } = PLATFORM_REPLICA_RANGE;
    return {
        prometheusReplicas: whole(o["prometheusReplicas"], min, max, base.prometheusReplicas),
        alertmanagerReplicas: whole(o["alertmanagerReplicas"], min, max, base.alertmanagerReplicas),
        retentionDays: whole(o["retentionDays"], MONITORING_RETENTION_RANGE.min, MONITORING_RETENTION_RANGE.max, base.retentionDays),
        storageGiB: whole(o["storageGiB"], MONITORING_STORAGE_RANGE.min, MONITORING_STORAGE_RANGE.max, base.storageGiB),
        logRetentionDays: whole(o["logRetentionDays"], TELEMETRY_RETENTION_RANGE.min, TELEMETRY_RETENTION_RANGE.max, base.logRetentionDays),
        traceRetentionDays: whole(
            o["traceRetentionDays"],
            TELEMETRY_RETENTION_RANGE.min,
            TELEMETRY_RETENTION_RANGE.max,
            base.traceRetentionDays,
        ),
        collectorReplicas: whole(o["collectorReplicas"], min, max, base.collectorReplicas),
        lokiDeploymentMode: (LOKI_DEPLOYMENT_MODES as readonly unknown[]).includes(o["lokiDeploymentMode"])
            ? (o["lokiDeploymentMode"] as LokiDeploymentMode)
            : base.lokiDeploymentMode,
    };
}

/** Bounds of the platform layer's replica overrides (the schema uses the same). */
export const PLATFORM_REPLICA_RANGE = { min: 1, max: 10 } as const;

function platformOverrides(base: PlatformProfile, overrides: Record<string, unknown>): PlatformProfile {
    const { min, max } = PLATFORM_REPLICA_RANGE;
    return {
        istiodReplicas: whole(overrides["istiodReplicas"], min, max, base.istiodReplicas),
        ingressGatewayReplicas: whole(overrides["ingressGatewayReplicas"], min, max, base.ingressGatewayReplicas),
        egressGatewayReplicas: whole(overrides["egressGatewayReplicas"], min, max, base.egressGatewayReplicas),
        kongReplicas: whole(overrides["kongReplicas"], min, max, base.kongReplicas),
        controllerReplicas: whole(overrides["controllerReplicas"], min, max, base.controllerReplicas),
    };
}

/**
 * The profile with the overrides applied. Only well-formed values apply (the schema reports the
 * others), so cross-field checks can run on a config that also has unrelated problems.
 */
export function applyProfileOverrides(base: EnvironmentProfile, overrides: unknown): EnvironmentProfile {
    const o = record(overrides);
    const network = record(o["network"]);
    const zones = network["availabilityZones"];
    const nat = network["natGateways"];
    const retention = network["flowLogRetentionDays"];
    const protect = o["protectStatefulResources"];
    return {
        ...base,
        network: {
            availabilityZones:
                typeof zones === "number" && Number.isInteger(zones) && zones >= 1 && zones <= MAX_AZ_SLOTS
                    ? zones
                    : base.network.availabilityZones,
            natGateways: isNat(nat) ? nat : base.network.natGateways,
            flowLogRetentionDays:
                typeof retention === "number" && (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention)
                    ? retention
                    : base.network.flowLogRetentionDays,
        },
        cluster: clusterOverrides(base.cluster, record(o["cluster"])),
        platform: platformOverrides(base.platform, record(o["platform"])),
        monitoring: monitoringOverrides(base.monitoring, record(o["monitoring"])),
        protectStatefulResources: typeof protect === "boolean" ? protect : base.protectStatefulResources,
        data: applyDataOverrides(base.data, record(o["data"])),
    };
}

/** `platform:profile.data` over the data profile; only well-formed values apply (the schema reports the rest). */
function applyDataOverrides(base: DataProfile, o: Record<string, unknown>): DataProfile {
    const flag = (key: keyof DataProfile, fallback: boolean): boolean => (typeof o[key] === "boolean" ? o[key] : fallback);
    return {
        highAvailability: flag("highAvailability", base.highAvailability),
        storageGb: whole(o["storageGb"], 20, 65536, base.storageGb),
        backupRetentionDays: whole(o["backupRetentionDays"], 1, 35, base.backupRetentionDays),
        pointInTimeRecovery: flag("pointInTimeRecovery", base.pointInTimeRecovery),
        deletionProtection: flag("deletionProtection", base.deletionProtection),
    };
}
