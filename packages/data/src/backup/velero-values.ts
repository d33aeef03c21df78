/**
 * Velero (seed 001: v1.12.0, daily full backups at 2 AM kept 30 days, hourly kept 7 days, EBS
 * snapshots; R4) as a pinned Helm release: the chart version, images and values as pure functions.
 * The release is pinned exactly (chart, server image and plugin image): an upgrade is a reviewed
 * change of these constants, never whatever the repository serves today. Velero 1.12 is out of
 * support; the platform runs the current 1.17.
 */
import { checkPattern, type Issue } from "@platform/core";

export const VELERO_CHART = { name: "velero", repository: "https://vmware-tanzu.github.io/helm-charts", version: "11.3.2" } as const;
export const VELERO_IMAGE = { repository: "velero/velero", tag: "v1.17.2" } as const;
export const VELERO_PLUGINS = {
    aws: { name: "velero-plugin-for-aws", image: "velero/velero-plugin-for-aws:v1.13.2" },
    gcp: { name: "velero-plugin-for-gcp", image: "velero/velero-plugin-for-gcp:v1.13.2" },
} as const;
export type VeleroProvider = keyof typeof VELERO_PLUGINS;

/** The namespace, release and service account: fixed, so the cloud identity binding can name them. */
export const VELERO_NAMESPACE = "velero";
export const VELERO_SERVICE_ACCOUNT = "velero";

/** An exact chart version (`11.3.2`): no range, no `latest`, no partial version. */
export const EXACT_CHART_VERSION = /^\d+\.\d+\.\d+$/;
/** An exact image tag (`v1.17.2`) on a named image. */
export const EXACT_IMAGE = /^[a-z0-9.\-/]+:v\d+\.\d+\.\d+$/;

export interface VeleroSchedule {
    /** Cron in UTC (Velero schedules run in the server's time zone, UTC). */
    readonly schedule: string;
    /** How long each backup is kept, as a Go duration. */
    readonly ttl: string;
}

/** Seed 001: daily at 02:00 kept 30 days (720 hours), hourly kept 7 days (168 hours). */
export const VELERO_SCHEDULES: Readonly<Record<"daily" | "hourly", VeleroSchedule>> = {
    daily: { schedule: "0 2 * * *", ttl: "720h0m0s" },
    hourly: { schedule: "0 * * * *", ttl: "168h0m0s" },
};

export interface VeleroValuesArgs {
    readonly provider: VeleroProvider;
    /** The provider plugin's image (exact tag). */
    readonly pluginImage: string;
    readonly bucket: string;
    /** Objects go under this prefix, apart from database dumps and other backups in the bucket. */
    readonly prefix: string;
    /** The backup storage location's provider config (region and key on AWS; key on GCP). */
    readonly storageConfig: Readonly<Record<string, string>>;
    /** The volume snapshot location's provider config (region on AWS; project and location on GCP). */
    readonly snapshotConfig: Readonly<Record<string, string>>;
    /** Service account annotations (GKE Workload Identity); none on EKS (Pod Identity needs none). */
    readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
}

/** The release's values. */
export function veleroValues(args: VeleroValuesArgs) {
    const plugin = VELERO_PLUGINS[args.provider];
    const schedule = (s: VeleroSchedule) => ({
        schedule: s.schedule,
        useOwnerReferencesInBackup: false,
        template: {
            ttl: s.ttl,
            includedNamespaces: ["*"],
            includeClusterResources: true,
            snapshotVolumes: true,
            storageLocation: "default",
        },
    });
    return {
        image: { repository: VELERO_IMAGE.repository, tag: VELERO_IMAGE.tag, pullPolicy: "IfNotPresent" },
        initContainers: [
            {
                name: plugin.name,
                image: args.pluginImage,
                imagePullPolicy: "IfNotPresent",
                volumeMounts: [{ mountPath: "/target", name: "plugins" }],
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            },
        ],
        // Credentials come from the pod's identity (EKS Pod Identity, GKE Workload Identity), never a key in a Secret.
        credentials: { useSecret: false },
        serviceAccount: { server: { create: true, name: VELERO_SERVICE_ACCOUNT, annotations: { ...args.serviceAccountAnnotations } } },
        configuration: {
            backupStorageLocation: [
                {
                    name: "default",
                    provider: args.provider,
                    bucket: args.bucket,
                    prefix: args.prefix,
                    default: true,
                    config: { ...args.storageConfig },
                },
            ],
            volumeSnapshotLocation: [{ name: "default", provider: args.provider, config: { ...args.snapshotConfig } }],
        },
        snapshotsEnabled: true,
        deployNodeAgent: false,
        schedules: { daily: schedule(VELERO_SCHEDULES.daily), hourly: schedule(VELERO_SCHEDULES.hourly) },
        resources: { requests: { cpu: "500m", memory: "256Mi" }, limits: { memory: "1Gi" } },
        podSecurityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: "RuntimeDefault" } },
        containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        metrics: { enabled: true },
    };
}

/** The chart version and images must be exact versions. */
export function checkVeleroPins(chartVersion: unknown, pluginImage: unknown): Issue[] {
    return [
        ...checkPattern(
            "chartVersion",
            chartVersion,
            EXACT_CHART_VERSION,
            `an exact chart version such as ${VELERO_CHART.version} (no range, no latest)`,
        ),
        ...checkPattern("pluginImage", pluginImage, EXACT_IMAGE, `an image with an exact version tag such as ${VELERO_PLUGINS.aws.image}`),
    ];
}
