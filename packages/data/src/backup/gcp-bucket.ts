/**
 * The GCS backup bucket (model: Cloud Foundation Fabric's gcs module; seeds 002, 004): regional,
 * uniform bucket-level access, public access prevention enforced, versioning, CMEK with the
 * foundation's `backups` key, a retention policy (every object write-once for the shortest backup
 * lifetime, locked in compliance mode), soft delete, and the lifecycle of `bucket-plan.ts`.
 *
 * GCS bucket names are global across all of Google Cloud: the name is `<project>-<env>-<component>`
 * plus six hex digits of a hash of the GCP project id, so two organizations using the same prefix
 * do not collide, re-running never renames the bucket, and nothing is chosen by hand.
 *
 * Depends on {@link GcpDataServiceAgents}: Cloud Storage's agent must be allowed to use the key.
 */
import { createHash } from "node:crypto";
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkGcpProject,
    checkOneOf,
    checkRegion,
    checkWholeNumber,
    type ComponentNaming,
    fitName,
    type Issue,
    NAME_RULES,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
} from "@platform/core";
import { DataComponent } from "../component.js";
import { gcsBackupLifecycleRules, gcsRetentionPolicy, SHORTEST_BACKUP_DAYS } from "./bucket-plan.js";

/** `<prefix>-<6 hex of sha256(project/prefix)>`, at most 63 characters. */
export function globalBucketName(prefix: string, gcpProject: string): string {
    const hash = createHash("sha256").update(`${gcpProject}/${prefix}`).digest("hex").slice(0, 6);
    return `${fitName(prefix, NAME_RULES.s3Bucket.maxLength - 7)}-${hash}`;
}

/** One hardened GCS bucket: the platform's only GCS bucket pattern (backups here, Loki and Tempo through `GcpObjectStoreBucket`). */
export interface HardenedGcsBucketArgs {
    readonly project: string;
    /** The global name ({@link globalBucketName}). */
    readonly name: string;
    /** The bucket's region (its location, upper-cased). */
    readonly region: string;
    /** The CMEK key. */
    readonly kmsKeyName: pulumi.Input<string>;
    readonly lifecycleRules: gcp.storage.BucketArgs["lifecycleRules"];
    /** Write-once retention. @default none */
    readonly retentionPolicy?: gcp.storage.BucketArgs["retentionPolicy"];
    /** Days a deleted object stays in soft delete (0 turns soft delete off). */
    readonly softDeleteDays: number;
    readonly labels: Readonly<Record<string, string>>;
}

/**
 * The arguments of a hardened GCS bucket: regional, Standard class, uniform bucket-level access,
 * public access prevention enforced, versioning, CMEK, the given lifecycle, soft delete and
 * retention, and never force-destroyed (a bucket with objects refuses deletion).
 */
export function hardenedGcsBucketArgs(args: HardenedGcsBucketArgs): gcp.storage.BucketArgs {
    return {
        project: args.project,
        name: args.name,
        location: args.region.toUpperCase(),
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        publicAccessPrevention: "enforced",
        versioning: { enabled: true },
        encryption: { defaultKmsKeyName: args.kmsKeyName },
        ...(args.retentionPolicy !== undefined ? { retentionPolicy: args.retentionPolicy } : {}),
        softDeletePolicy: { retentionDurationSeconds: args.softDeleteDays * 86_400 },
        lifecycleRules: args.lifecycleRules,
        forceDestroy: false,
        labels: { ...args.labels },
    };
}

export interface GcpBackupBucketArgs {
    readonly naming: ComponentNaming;
    readonly project: string;
    /** The bucket's region (the stack's). */
    readonly region: string;
    /** The foundation's `backups` key (CMEK). */
    readonly kmsKeyName: pulumi.Input<string>;
    /** Days a noncurrent (overwritten or deleted) backup is kept: the profile's `data.backupRetentionDays`. */
    readonly retentionDays: number;
    /** `compliance` locks the retention policy (irreversible); `none` and `governance` leave it unlocked. @default "none" */
    readonly objectLock?: ObjectLockMode;
    /** Extra labels. @default {} */
    readonly labels?: Readonly<Record<string, string>>;
}

export class GcpBackupBucket extends DataComponent {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketUrl: pulumi.Output<string>;
    readonly bucket: gcp.storage.Bucket;

    constructor(name: string, args: GcpBackupBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpBackupBucket", name, args.naming, opts);
        const objectLock = args.objectLock ?? "none";
        this.validate(validateGcpBackupBucketArgs(args, objectLock));
        const children = this.children;
        this.bucket = new gcp.storage.Bucket(
            children.name("bucket"),
            hardenedGcsBucketArgs({
                project: args.project,
                name: globalBucketName(children.prefix, args.project),
                region: args.region,
                kmsKeyName: args.kmsKeyName,
                lifecycleRules: gcsBackupLifecycleRules(args.retentionDays),
                retentionPolicy: gcsRetentionPolicy(objectLock),
                softDeleteDays: SHORTEST_BACKUP_DAYS,
                labels: { ...args.labels },
            }),
            children.stateful(),
        );
        this.bucketName = this.bucket.name;
        this.bucketUrl = this.bucket.url;
        this.complete("bucketName", "bucketUrl");
    }
}

/** Every problem with GcpBackupBucket's arguments. */
export function validateGcpBackupBucketArgs(args: GcpBackupBucketArgs, objectLock: string): Issue[] {
    return [
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
        ...checkWholeNumber("retentionDays", args.retentionDays, { min: 1, max: 3650 }),
        ...checkOneOf("objectLock", objectLock, OBJECT_LOCK_MODES),
    ];
}
