/**
 * Velero on GKE (seed 001, R4): the pinned Helm release with the daily and hourly schedules,
 * writing to the backup bucket under `velero/` and snapshotting persistent disks, its Google access
 * from a service account bound to Velero's Kubernetes service account through Workload Identity
 * (no keys): object admin on this bucket only, a custom role with the disk and snapshot
 * permissions the plugin needs, and token creation on itself (signed URLs for `velero backup
 * download`).
 */
import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, checkRegion, type ComponentNaming, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { veleroRelease } from "./velero-release.js";
import { checkVeleroPins, VELERO_CHART, VELERO_NAMESPACE, VELERO_PLUGINS, VELERO_SERVICE_ACCOUNT, veleroValues } from "./velero-values.js";

/** The compute permissions velero-plugin-for-gcp needs for disk snapshots (its README). */
export const VELERO_GCP_PERMISSIONS = [
    "compute.disks.get",
    "compute.disks.create",
    "compute.disks.createSnapshot",
    "compute.projects.get",
    "compute.snapshots.get",
    "compute.snapshots.create",
    "compute.snapshots.useReadOnly",
    "compute.snapshots.delete",
    "compute.zones.get",
] as const;

export interface GcpVeleroArgs {
    readonly naming: ComponentNaming;
    readonly kubernetesProvider: k8s.Provider;
    readonly project: string;
    readonly region: string;
    /** The cluster's workload identity pool, `<project>.svc.id.goog`. */
    readonly workloadIdentityPool: pulumi.Input<string>;
    readonly bucketName: pulumi.Input<string>;
    /** The bucket's key (the foundation's `backups` key): Velero writes its objects with it. */
    readonly bucketKmsKeyName: pulumi.Input<string>;
    /** @default the pinned chart version */
    readonly chartVersion?: string;
    /** @default the pinned GCP plugin image */
    readonly pluginImage?: string;
}

export class GcpVelero extends DataComponent {
    readonly serviceAccountEmail: pulumi.Output<string>;
    /** The Helm release (`velero` in namespace `velero`). */
    readonly releaseName: pulumi.Output<string>;

    constructor(name: string, args: GcpVeleroArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpVelero", name, args.naming, opts);
        const chartVersion = args.chartVersion ?? VELERO_CHART.version;
        const pluginImage = args.pluginImage ?? VELERO_PLUGINS.gcp.image;
        this.validate(validateGcpVeleroArgs(args, chartVersion, pluginImage));
        const children = this.children;
        const account = new gcp.serviceaccount.Account(
            children.name("sa"),
            {
                project: args.project,
                accountId: children.physical("sa", "gcpServiceAccount"),
                displayName: `Velero (${VELERO_NAMESPACE}/${VELERO_SERVICE_ACCOUNT}, Workload Identity)`,
            },
            children.options(),
        );
        const role = new gcp.projects.IAMCustomRole(
            children.name("snapshots"),
            {
                project: args.project,
                roleId: children.prefix.replace(/-/g, "_"),
                title: `Velero disk snapshots (${children.prefix})`,
                permissions: [...VELERO_GCP_PERMISSIONS],
            },
            children.options(),
        );
        const grants = [
            new gcp.projects.IAMMember(
                children.name("snapshots"),
                { project: args.project, role: role.name, member: account.member },
                children.options(),
            ),
            new gcp.storage.BucketIAMMember(
                children.name("bucket"),
                { bucket: args.bucketName, role: "roles/storage.objectAdmin", member: account.member },
                children.options(),
            ),
            new gcp.serviceaccount.IAMMember(
                children.name("sign-urls"),
                { serviceAccountId: account.name, role: "roles/iam.serviceAccountTokenCreator", member: account.member },
                children.options(),
            ),
            new gcp.serviceaccount.IAMMember(
                children.name("workload-identity"),
                {
                    serviceAccountId: account.name,
                    role: "roles/iam.workloadIdentityUser",
                    member: pulumi.interpolate`serviceAccount:${args.workloadIdentityPool}[${VELERO_NAMESPACE}/${VELERO_SERVICE_ACCOUNT}]`,
                },
                children.options(),
            ),
        ];
        const release = veleroRelease(children, {
            provider: args.kubernetesProvider,
            chartVersion,
            dependsOn: grants,
            values: pulumi.all([args.bucketName, args.bucketKmsKeyName, account.email]).apply(([bucket, kmsKeyName, email]) =>
                veleroValues({
                    provider: "gcp",
                    pluginImage,
                    bucket,
                    prefix: "velero",
                    storageConfig: { kmsKeyName, serviceAccount: email },
                    snapshotConfig: { project: args.project, snapshotLocation: args.region },
                    serviceAccountAnnotations: { "iam.gke.io/gcp-service-account": email },
                }),
            ),
        });
        this.serviceAccountEmail = account.email;
        this.releaseName = release.name;
        this.complete("serviceAccountEmail", "releaseName");
    }
}

/** Every problem with GcpVelero's arguments. */
export function validateGcpVeleroArgs(args: GcpVeleroArgs, chartVersion: string, pluginImage: string): Issue[] {
    return [
        ...checkVeleroPins(chartVersion, pluginImage),
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
    ];
}
