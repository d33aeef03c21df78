/**
 * GkeNodePool: one autoscaled GKE node pool. Shielded nodes with secure boot, GKE_METADATA (pods
 * see Workload Identity, never the node's credentials), the cluster's least-privilege service
 * account, CMEK boot disks with the `data` key, Container-Optimized OS, auto-repair and
 * auto-upgrade, surge upgrades that never take capacity away. Autoscaling bounds are totals over
 * the pool's zones (balanced), so the profile's node counts mean the same as on EKS.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkGcpProject,
    checkOneOf,
    checkPattern,
    checkWholeNumber,
    checkZones,
    type ComponentNaming,
    GCP_REGION_PATTERN,
    type Issue,
    PlatformComponent,
} from "@platform/core";

/** Taint effects as the GKE API spells them. */
export const GKE_TAINT_EFFECTS = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const;

export interface GkeNodeTaint {
    readonly key: string;
    readonly value: string;
    readonly effect: (typeof GKE_TAINT_EFFECTS)[number];
}

export interface GkeNodePoolArgs {
    /** Project and environment: the pool is `<project>-<env>-<component name>`. */
    readonly naming: ComponentNaming;
    /** GCP project id. */
    readonly project: string;
    /** The cluster (GkeCluster `clusterId`). */
    readonly clusterId: pulumi.Input<string>;
    /** The cluster's region. */
    readonly location: string;
    /** Zones of the pool's nodes. Plain: the initial size is per zone. */
    readonly zones: readonly string[];
    /** Machine type, e.g. `n2-standard-8` (core `nodeMachineType` from the profile's shape). */
    readonly machineType: string;
    /** Nodes over all zones: the autoscaler keeps the pool within `min`..`max`, starting at `initial`. */
    readonly size: { readonly initial: number; readonly min: number; readonly max: number };
    /** The nodes' service account (GkeCluster `nodeServiceAccountEmail`). */
    readonly serviceAccountEmail: pulumi.Input<string>;
    /** Cloud KMS key id for boot disks (the foundation's `data` key). */
    readonly bootDiskKmsKeyId: pulumi.Input<string>;
    /**
     * Boot disk size in GB (pd-balanced).
     * @default 100
     */
    readonly diskSizeGb?: number;
    /** Kubernetes labels of the nodes. @default {} */
    readonly labels?: Readonly<Record<string, string>>;
    /** Kubernetes taints of the nodes. @default [] */
    readonly taints?: readonly GkeNodeTaint[];
}

const MACHINE_TYPE_PATTERN = /^[a-z][a-z0-9]*-[a-z0-9-]+$/;

export class GkeNodePool extends PlatformComponent {
    readonly nodePool: gcp.container.NodePool;
    readonly nodePoolName: pulumi.Output<string>;

    constructor(name: string, args: GkeNodePoolArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:GkeNodePool", name, args.naming, opts);
        const diskSizeGb = args.diskSizeGb ?? 100;
        this.validate(validateGkeNodePoolArgs(args, diskSizeGb));

        const zoneCount = args.zones.length;
        this.nodePool = new gcp.container.NodePool(
            this.childName("pool"),
            {
                project: args.project,
                name: this.physicalName("pool", "gke"),
                cluster: args.clusterId,
                location: args.location,
                nodeLocations: [...args.zones],
                initialNodeCount: Math.ceil(args.size.initial / zoneCount),
                autoscaling: { totalMinNodeCount: args.size.min, totalMaxNodeCount: args.size.max, locationPolicy: "BALANCED" },
                management: { autoRepair: true, autoUpgrade: true },
                upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
                nodeConfig: {
                    machineType: args.machineType,
                    imageType: "COS_CONTAINERD",
                    diskType: "pd-balanced",
                    diskSizeGb,
                    bootDiskKmsKey: args.bootDiskKmsKeyId,
                    serviceAccount: args.serviceAccountEmail,
                    oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
                    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
                    workloadMetadataConfig: { mode: "GKE_METADATA" },
                    metadata: { "disable-legacy-endpoints": "true" },
                    labels: { ...args.labels },
                    taints: (args.taints ?? []).map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
                },
            },
            // The autoscaler owns the node count once the pool exists.
            this.childOptions({ ignoreChanges: ["initialNodeCount"] }),
        );
        this.nodePoolName = this.nodePool.name;
        this.complete("nodePoolName");
    }
}

/** Every problem with GkeNodePool's arguments. */
export function validateGkeNodePoolArgs(args: GkeNodePoolArgs, diskSizeGb: number): Issue[] {
    const issues: Issue[] = [
        ...checkGcpProject("project", args.project),
        ...checkPattern("location", args.location, GCP_REGION_PATTERN, "a GCP region, e.g. us-west1"),
        ...checkZones("zones", args.zones, {
            cloud: "gcp",
            region: args.location,
            min: { count: 1, why: "nodes need a zone", fix: "give zones of the region, e.g. us-west1-a" },
            max: 4,
        }),
        ...checkPattern("machineType", args.machineType, MACHINE_TYPE_PATTERN, "a machine type, e.g. n2-standard-8"),
        ...checkWholeNumber("size.min", args.size?.min, { min: 0, max: 1000 }),
        ...checkWholeNumber("size.max", args.size?.max, { min: 1, max: 1000 }),
        ...checkWholeNumber("size.initial", args.size?.initial, { min: 0, max: 1000 }),
        ...checkWholeNumber("diskSizeGb", diskSizeGb, { min: 20, max: 65536 }, "use at least 20 GB (images and logs live there)"),
    ];
    if (args.size !== undefined && (args.size.min > args.size.initial || args.size.initial > args.size.max)) {
        issues.push({
            field: "size",
            value: args.size,
            problem: "initial must lie between min and max",
            fix: "choose min <= initial <= max",
        });
    }
    (args.taints ?? []).forEach((taint, i) => issues.push(...checkOneOf(`taints[${i}].effect`, taint.effect, GKE_TAINT_EFFECTS)));
    return issues;
}
