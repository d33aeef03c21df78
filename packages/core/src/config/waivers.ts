/**
 * Production floors. In prod and dr, an override that weakens the environment's profile (turns
 * protection off, lowers retention, removes HA) is refused unless the stack file carries a waiver
 * for that setting with a reason and an owner. A waiver that waives nothing, or has expired, is an
 * error too, so waivers cannot outlive their reason silently. `platform synth` lists the waivers.
 */
import {
    type EnvironmentProfile,
    type GkeReleaseChannel,
    isProductionEnvironment,
    type NatGatewayStrategy,
} from "../environments/profiles.js";
import type { Issue } from "../issues.js";

/** A production-weakening override allowed on purpose. */
export interface Waiver {
    /** The overridden setting, relative to `platform:` (e.g. `profile.network.natGateways`, `cluster.publicAccessCidrs`). */
    readonly setting: WaivableSetting;
    /** Why the weaker setting is acceptable here. */
    readonly reason: string;
    /** Who answers for it (an email address or a team slug). */
    readonly owner: string;
    /** Last day the waiver holds (YYYY-MM-DD); none means until removed. */
    readonly expires?: string;
}

const NAT_RANK: Readonly<Record<NatGatewayStrategy, number>> = { none: 0, single: 1, perAz: 2 };
const CHANNEL_RANK: Readonly<Record<GkeReleaseChannel, number>> = { REGULAR: 0, STABLE: 1 };

/** Settings outside the profile whose mere presence weakens production (empty when unset). */
export interface Exposure {
    /** `platform:cluster.publicAccessCidrs`: the cluster API endpoint is reachable from the internet. */
    readonly publicAccessCidrs: readonly string[];
}

const NO_EXPOSURE: Exposure = { publicAccessCidrs: [] };

/** "runs N <what> replica(s) instead of M" when `next` is below the profile's `base`. */
function fewerReplicas(what: string, base: number, next: number): string | undefined {
    return next < base ? `runs ${next} ${what} replica(s) instead of ${base}` : undefined;
}

/** Each waivable setting and how to tell that an override weakens the profile (the text says how). */
const FLOORS = {
    "profile.protectStatefulResources": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        base.protectStatefulResources && !next.protectStatefulResources ? "turns protection of stateful resources off" : undefined,
    "profile.network.natGateways": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        NAT_RANK[next.network.natGateways] < NAT_RANK[base.network.natGateways]
            ? `removes NAT high availability (${next.network.natGateways} instead of ${base.network.natGateways})`
            : undefined,
    "profile.network.availabilityZones": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.network.availabilityZones < base.network.availabilityZones
            ? `spans ${next.network.availabilityZones} zone(s) instead of ${base.network.availabilityZones}`
            : undefined,
    "profile.network.flowLogRetentionDays": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.network.flowLogRetentionDays < base.network.flowLogRetentionDays
            ? `keeps flow logs ${next.network.flowLogRetentionDays} days, below the floor of ${base.network.flowLogRetentionDays}`
            : undefined,
    "profile.cluster.nodeCount": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.cluster.nodeCount < base.cluster.nodeCount
            ? `starts ${next.cluster.nodeCount} worker node(s) instead of ${base.cluster.nodeCount}`
            : undefined,
    "profile.cluster.minNodes": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.cluster.minNodes < base.cluster.minNodes
            ? `lets the workers shrink to ${next.cluster.minNodes} node(s), below the floor of ${base.cluster.minNodes}`
            : undefined,
    "profile.cluster.nodeZones": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.cluster.nodeZones < base.cluster.nodeZones
            ? `spreads workers over ${next.cluster.nodeZones} zone(s) instead of ${base.cluster.nodeZones}`
            : undefined,
    "profile.cluster.systemNodes": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.cluster.systemNodes < base.cluster.systemNodes
            ? `runs ${next.cluster.systemNodes} system node(s) instead of ${base.cluster.systemNodes}`
            : undefined,
    "profile.cluster.spotCapacity": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.cluster.spotCapacity && !base.cluster.spotCapacity ? "lets autoscaled capacity run on spot instances" : undefined,
    "profile.cluster.releaseChannel": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        CHANNEL_RANK[next.cluster.releaseChannel] < CHANNEL_RANK[base.cluster.releaseChannel]
            ? `follows the ${next.cluster.releaseChannel} release channel instead of ${base.cluster.releaseChannel}`
            : undefined,
    "profile.platform.istiodReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("istiod", base.platform.istiodReplicas, next.platform.istiodReplicas),
    "profile.platform.ingressGatewayReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("ingress gateway", base.platform.ingressGatewayReplicas, next.platform.ingressGatewayReplicas),
    "profile.platform.egressGatewayReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("egress gateway", base.platform.egressGatewayReplicas, next.platform.egressGatewayReplicas),
    "profile.platform.kongReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("Kong", base.platform.kongReplicas, next.platform.kongReplicas),
    "profile.platform.controllerReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("add-on controller", base.platform.controllerReplicas, next.platform.controllerReplicas),
    "cluster.publicAccessCidrs": (_base: EnvironmentProfile, _next: EnvironmentProfile, exposure: Exposure) =>
        exposure.publicAccessCidrs.length > 0 ? "opens the cluster API endpoint to the internet (from an allow-list)" : undefined,
    "profile.data.highAvailability": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        base.data.highAvailability && !next.data.highAvailability
            ? "runs databases and caches in one zone (Multi-AZ / REGIONAL off)"
            : undefined,
    "profile.data.backupRetentionDays": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.data.backupRetentionDays < base.data.backupRetentionDays
            ? `keeps backups ${next.data.backupRetentionDays} days, below the floor of ${base.data.backupRetentionDays}`
            : undefined,
    "profile.data.pointInTimeRecovery": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        base.data.pointInTimeRecovery && !next.data.pointInTimeRecovery
            ? "turns point-in-time recovery off (the 15-minute RPO of the seeds no longer holds)"
            : undefined,
    "profile.data.deletionProtection": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        base.data.deletionProtection && !next.data.deletionProtection ? "turns deletion protection of databases off" : undefined,
    "profile.monitoring.prometheusReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("Prometheus", base.monitoring.prometheusReplicas, next.monitoring.prometheusReplicas),
    "profile.monitoring.alertmanagerReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("Alertmanager", base.monitoring.alertmanagerReplicas, next.monitoring.alertmanagerReplicas),
    "profile.monitoring.retentionDays": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.monitoring.retentionDays < base.monitoring.retentionDays
            ? `keeps metrics ${next.monitoring.retentionDays} days, below the floor of ${base.monitoring.retentionDays} (the SLOs' 30-day budget)`
            : undefined,
    "profile.monitoring.logRetentionDays": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.monitoring.logRetentionDays < base.monitoring.logRetentionDays
            ? `keeps logs ${next.monitoring.logRetentionDays} days, below the floor of ${base.monitoring.logRetentionDays}`
            : undefined,
    "profile.monitoring.traceRetentionDays": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        next.monitoring.traceRetentionDays < base.monitoring.traceRetentionDays
            ? `keeps traces ${next.monitoring.traceRetentionDays} days, below the floor of ${base.monitoring.traceRetentionDays}`
            : undefined,
    "profile.monitoring.collectorReplicas": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        fewerReplicas("OpenTelemetry Collector", base.monitoring.collectorReplicas, next.monitoring.collectorReplicas),
    "profile.monitoring.lokiDeploymentMode": (base: EnvironmentProfile, next: EnvironmentProfile) =>
        base.monitoring.lokiDeploymentMode === "SimpleScalable" && next.monitoring.lokiDeploymentMode === "SingleBinary"
            ? "runs Loki as a single pod (no replicated writes: a restart loses unflushed logs)"
            : undefined,
} as const satisfies Record<string, (base: EnvironmentProfile, next: EnvironmentProfile, exposure: Exposure) => string | undefined>;

export type WaivableSetting = keyof typeof FLOORS;
export const WAIVABLE_SETTINGS = Object.keys(FLOORS) as [WaivableSetting, ...WaivableSetting[]];

/** The settings whose override weakens `base` (production environments only), with what each does. */
export function weakenings(
    base: EnvironmentProfile,
    next: EnvironmentProfile,
    exposure: Exposure = NO_EXPOSURE,
): Array<{ setting: WaivableSetting; effect: string }> {
    if (!isProductionEnvironment(base.environment)) {
        return [];
    }
    return WAIVABLE_SETTINGS.flatMap((setting) => {
        const effect = FLOORS[setting](base, next, exposure);
        return effect === undefined ? [] : [{ setting, effect }];
    });
}

/**
 * Issues for weakenings without a waiver, and for waivers that waive nothing or have expired.
 * `today` is YYYY-MM-DD (UTC).
 */
export function checkWaivers(
    base: EnvironmentProfile,
    next: EnvironmentProfile,
    waivers: readonly Waiver[],
    today: string,
    exposure: Exposure = NO_EXPOSURE,
): Issue[] {
    const found = weakenings(base, next, exposure);
    const issues: Issue[] = [];
    for (const { setting, effect } of found) {
        if (!waivers.some((w) => w.setting === setting)) {
            issues.push({
                field: `platform:${setting}`,
                value: settingValue(next, setting, exposure),
                problem: `${effect} in ${base.environment}`,
                fix: `remove the ${setting.startsWith("profile.") ? "override" : "setting"}, or add a platform:waivers entry { setting: ${setting}, reason: <why>, owner: <who> }`,
            });
        }
    }
    waivers.forEach((waiver, i) => {
        const field = `platform:waivers[${i}]`;
        if (!found.some((w) => w.setting === waiver.setting)) {
            issues.push({
                field,
                value: waiver,
                problem: `waives nothing: ${waiver.setting} does not weaken the ${base.environment} profile here`,
                fix: "remove the waiver",
            });
        } else if (waiver.expires !== undefined && waiver.expires < today) {
            issues.push({
                field,
                value: waiver,
                problem: `expired on ${waiver.expires}`,
                fix: `restore ${waiver.setting}, or renew the waiver with a new expires date and reason`,
            });
        }
    });
    return issues;
}

function settingValue(profile: EnvironmentProfile, setting: WaivableSetting, exposure: Exposure): unknown {
    switch (setting) {
        case "profile.protectStatefulResources":
            return profile.protectStatefulResources;
        case "profile.network.natGateways":
            return profile.network.natGateways;
        case "profile.network.availabilityZones":
            return profile.network.availabilityZones;
        case "profile.network.flowLogRetentionDays":
            return profile.network.flowLogRetentionDays;
        case "profile.cluster.nodeCount":
            return profile.cluster.nodeCount;
        case "profile.cluster.minNodes":
            return profile.cluster.minNodes;
        case "profile.cluster.nodeZones":
            return profile.cluster.nodeZones;
        case "profile.cluster.systemNodes":
            return profile.cluster.systemNodes;
        case "profile.cluster.spotCapacity":
            return profile.cluster.spotCapacity;
        case "profile.cluster.releaseChannel":
            return profile.cluster.releaseChannel;
        case "profile.platform.istiodReplicas":
            return profile.platform.istiodReplicas;
        case "profile.platform.ingressGatewayReplicas":
            return profile.platform.ingressGatewayReplicas;
        case "profile.platform.egressGatewayReplicas":
            return profile.platform.egressGatewayReplicas;
        case "profile.platform.kongReplicas":
            return profile.platform.kongReplicas;
        case "profile.platform.controllerReplicas":
            return profile.platform.controllerReplicas;
        case "cluster.publicAccessCidrs":
            return exposure.publicAccessCidrs;
        case "profile.data.highAvailability":
            return profile.data.highAvailability;
        case "profile.data.backupRetentionDays":
            return profile.data.backupRetentionDays;
        case "profile.data.pointInTimeRecovery":
            return profile.data.pointInTimeRecovery;
        case "profile.data.deletionProtection":
            return profile.data.deletionProtection;
        case "profile.monitoring.prometheusReplicas":
            return profile.monitoring.prometheusReplicas;
        case "profile.monitoring.alertmanagerReplicas":
            return profile.monitoring.alertmanagerReplicas;
        case "profile.monitoring.retentionDays":
            return profile.monitoring.retentionDays;
        case "profile.monitoring.logRetentionDays":
            return profile.monitoring.logRetentionDays;
        case "profile.monitoring.traceRetentionDays":
            return profile.monitoring.traceRetentionDays;
        case "profile.monitoring.collectorReplicas":
            return profile.monitoring.collectorReplicas;
        case "profile.monitoring.lokiDeploymentMode":
            return profile.monitoring.lokiDeploymentMode;
    }
}
