/**
 * Object store buckets for tools that keep their data in object storage (Loki's chunks and index,
 * Tempo's trace blocks): the platform's one hardened bucket per cloud (`hardenedBucket`,
 * `hardenedGcsBucketArgs`), encrypted with the foundation's `data` key, with the lifecycle of
 * `object-store-plan.ts` (objects expire after the tool's retention). Stateful: retained on delete
 * and protected when the component is (prod and dr).
 *
 * - AWS: in the account's regional namespace (`<project>-<env>-<component>-<account>-<region>-an`),
 *   ownership enforced, public access blocked, versioned, SSE-KMS with bucket keys, TLS-only and
 *   KMS-only policy. No Object Lock: the tools delete what they compact.
 * - GCP: `<project>-<env>-<component>-<hash>`, regional, uniform access, public access prevention,
 *   versioned, CMEK, soft delete off (the noncurrent day already undoes a mistaken delete). The
 *   Cloud Storage service agent must be allowed to use the key (pass `dependsOn` that grant).
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
    accountRegionalBucketName,
    checkGcpProject,
    checkRegion,
    checkWholeNumber,
    type ComponentNaming,
    type Issue,
} from "@platform/core";
import { DataComponent } from "../component.js";
import { hardenedBucket } from "../backup/aws-bucket.js";
import { globalBucketName, hardenedGcsBucketArgs } from "../backup/gcp-bucket.js";
import { gcsObjectStoreLifecycleRules, s3ObjectStoreLifecycleRules } from "./object-store-plan.js";

/** Bounds of an object store's retention in days. */
export const OBJECT_STORE_RETENTION_RANGE = { min: 1, max: 3650 } as const;

export interface AwsObjectStoreBucketArgs {
    readonly naming: ComponentNaming;
    /** The foundation's `data` key (SSE-KMS). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days an object lives: the tool's retention (e.g. the profile's `monitoring.logRetentionDays`). */
    readonly retentionDays: number;
    /** Extra tags. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

export class AwsObjectStoreBucket extends DataComponent {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;

    constructor(name: string, args: AwsObjectStoreBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsObjectStoreBucket", name, args.naming, opts);
        this.validate(validateAwsObjectStoreBucketArgs(args));
        const children = this.children;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const { bucket } = hardenedBucket(children, "bucket", {
            name: pulumi.all([accountId, region]).apply(([account, r]) => accountRegionalBucketName(children.prefix, account, r)),
            kmsKeyArn: args.kmsKeyArn,
            retentionDays: args.retentionDays,
            objectLock: "none",
            tags: { ...args.tags },
            lifecycleRules: s3ObjectStoreLifecycleRules(args.retentionDays),
        });
        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.complete("bucketName", "bucketArn");
    }
}

export interface GcpObjectStoreBucketArgs {
    readonly naming: ComponentNaming;
    readonly project: string;
    /** The bucket's region (the stack's). */
    readonly region: string;
    /** The foundation's `data` key (CMEK). */
    readonly kmsKeyName: pulumi.Input<string>;
    /** Days an object lives: the tool's retention. */
    readonly retentionDays: number;
    /** Extra labels. @default {} */
    readonly labels?: Readonly<Record<string, string>>;
}

export class GcpObjectStoreBucket extends DataComponent {
    readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: GcpObjectStoreBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpObjectStoreBucket", name, args.naming, opts);
        this.validate(validateGcpObjectStoreBucketArgs(args));
        const children = this.children;
        const bucket = new gcp.storage.Bucket(
            children.name("bucket"),
            hardenedGcsBucketArgs({
                project: args.project,
                name: globalBucketName(children.prefix, args.project),
                region: args.region,
                kmsKeyName: args.kmsKeyName,
                lifecycleRules: gcsObjectStoreLifecycleRules(args.retentionDays),
                softDeleteDays: 0,
                labels: { ...args.labels },
            }),
            children.stateful(),
        );
        this.bucketName = bucket.name;
        this.complete("bucketName");
    }
}

/** Every problem with AwsObjectStoreBucket's arguments. */
export function validateAwsObjectStoreBucketArgs(args: AwsObjectStoreBucketArgs): Issue[] {
    return checkWholeNumber("retentionDays", args.retentionDays, OBJECT_STORE_RETENTION_RANGE);
}

/** Every problem with GcpObjectStoreBucket's arguments. */
export function validateGcpObjectStoreBucketArgs(args: GcpObjectStoreBucketArgs): Issue[] {
    return [
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
        ...checkWholeNumber("retentionDays", args.retentionDays, OBJECT_STORE_RETENTION_RANGE),
    ];
}
