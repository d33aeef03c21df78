/**
 * The S3 backup bucket (model: terraform-aws-modules/s3-bucket; seeds 000, 001, 004): in the
 * account's regional namespace (`<project>-<env>-<component>-<account>-<region>-an`: unique with
 * no random suffix, and no other account can take the name), versioned, SSE-KMS with the
 * foundation's `backups` key and S3 bucket keys, all four public access blocks, object ownership
 * enforced (no ACLs), a policy refusing plain HTTP, TLS below 1.2 and non-KMS encryption, the
 * lifecycle of `bucket-plan.ts`, optional S3 Object Lock, and optional replication to a bucket of
 * the same shape in a second region (its own `backups` key there) with 15-minute replication time
 * control (the seeds' RPO) and deletions not replicated.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    accountRegionalBucketName,
    checkOneOf,
    checkRegion,
    checkWholeNumber,
    type ComponentNaming,
    type Issue,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
} from "@platform/core";
import { AwsKmsKeys } from "@platform/security";
import { type Children, DataComponent } from "../component.js";
import { policyDocument, serviceTrustPolicy } from "../aws/iam.js";
import { s3BackupBucketPolicy, s3BackupLifecycleRules, s3ObjectLockRule } from "./bucket-plan.js";

export interface BucketReplication {
    /** The second region, e.g. `us-west-2` (seed 004's backup region). */
    readonly region: string;
    /** An AWS provider for that region (the stack's provider settings, another region). */
    readonly provider: aws.Provider;
    /** S3 Replication Time Control: 99.99% of objects within 15 minutes, with metrics. @default true */
    readonly replicationTimeControl?: boolean;
}

export interface AwsBackupBucketArgs {
    readonly naming: ComponentNaming;
    /** The foundation's `backups` key. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days an overwritten or deleted backup stays restorable, and the Object Lock retention: the profile's `data.backupRetentionDays`. */
    readonly retentionDays: number;
    /**
     * S3 Object Lock (`platform:data.backups.objectLock`): `governance` or `compliance` default
     * retention of `retentionDays`. Fixed when the bucket is created: changing it replaces the bucket.
     * @default "none"
     */
    readonly objectLock?: ObjectLockMode;
    /** Replication to a second region (`platform:data.backups.replicationRegion`). @default none */
    readonly replication?: BucketReplication;
    /** Extra tags on the buckets, e.g. the AWS Backup selection tag. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Tag naming a backup bucket's role: `primary` (the bucket backups are written to) or `replica`
 * (its copy in the second region). The aws pack's aws-s3-backup-replication requires, in prod and
 * dr, that every `primary` replicates.
 */
export const BACKUP_STORE_TAG = "backup-store";

/** The resources of one hardened bucket. */
export interface HardenedBucket {
    readonly bucket: aws.s3.Bucket;
    readonly versioning: aws.s3.BucketVersioning;
}

/** One hardened bucket: the platform's only S3 bucket pattern (backups here, Loki and Tempo through `AwsObjectStoreBucket`). */
export interface HardenedBucketArgs {
    readonly name: pulumi.Input<string>;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly retentionDays: number;
    readonly objectLock: ObjectLockMode;
    readonly tags: Readonly<Record<string, string>>;
    /** Another region's provider (the replica). */
    readonly provider?: aws.Provider;
    /** The lifecycle rules. @default s3BackupLifecycleRules(retentionDays) (tier down, keep noncurrent versions `retentionDays`) */
    readonly lifecycleRules?: aws.s3.BucketLifecycleConfigurationArgs["rules"];
}

/**
 * Creates the bucket and its settings as children of a data component: ownership enforced, the
 * four public access blocks, versioning, SSE-KMS with bucket keys, the TLS-only and KMS-only
 * policy, the lifecycle and, when asked, Object Lock. The bucket itself is stateful (retained on
 * delete when the component is protected).
 */
export function hardenedBucket(children: Children, child: string, args: HardenedBucketArgs): HardenedBucket {
    const provider = args.provider ? { provider: args.provider } : {};
    const options = (extra: Omit<pulumi.CustomResourceOptions, "parent" | "protect"> = {}) => children.options({ ...provider, ...extra });
    const bucket = new aws.s3.Bucket(
        children.name(child),
        {
            bucket: args.name,
            bucketNamespace: "account-regional",
            objectLockEnabled: args.objectLock !== "none",
            forceDestroy: false,
            tags: { ...args.tags, Name: children.physical(child) },
        },
        children.stateful(provider),
    );
    const ownership = new aws.s3.BucketOwnershipControls(
        children.name(child),
        { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
        options(),
    );
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
        children.name(child),
        { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        options(),
    );
    const versioning = new aws.s3.BucketVersioning(
        children.name(child),
        { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } },
        options(),
    );
    new aws.s3.BucketServerSideEncryptionConfiguration(
        children.name(child),
        {
            bucket: bucket.bucket,
            rules: [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true },
            ],
        },
        options(),
    );
    new aws.s3.BucketPolicy(
        children.name(child),
        { bucket: bucket.bucket, policy: bucket.arn.apply((arn) => JSON.stringify(s3BackupBucketPolicy(arn))) },
        // The public access block first: a policy written before it could briefly be evaluated without it.
        options({ dependsOn: [publicAccess, ownership] }),
    );
    new aws.s3.BucketLifecycleConfiguration(
        children.name(child),
        { bucket: bucket.bucket, rules: args.lifecycleRules ?? s3BackupLifecycleRules(args.retentionDays) },
        options({ dependsOn: [versioning] }),
    );
    const lock = s3ObjectLockRule(args.objectLock, args.retentionDays);
    if (lock !== undefined) {
        new aws.s3.BucketObjectLockConfiguration(
            children.name(child),
            { bucket: bucket.bucket, objectLockEnabled: "Enabled", rule: lock },
            options({ dependsOn: [versioning] }),
        );
    }
    return { bucket, versioning };
}

/** The replication role's permissions: read versions from the source, replicate into the replica, each with its key. */
export function replicationPolicy(args: {
    sourceArn: string;
    replicaArn: string;
    sourceKeyArn: string;
    replicaKeyArn: string;
    sourceRegion: string;
    replicaRegion: string;
}) {
    return policyDocument(
        {
            Sid: "ReadReplicationConfiguration",
            Effect: "Allow",
            Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
            Resource: args.sourceArn,
        },
        {
            Sid: "ReadSourceVersions",
            Effect: "Allow",
            Action: [
                "s3:GetObjectVersionForReplication",
                "s3:GetObjectVersionAcl",
                "s3:GetObjectVersionTagging",
                "s3:GetObjectRetention",
                "s3:GetObjectLegalHold",
            ],
            Resource: `${args.sourceArn}/*`,
        },
        {
            Sid: "WriteReplicas",
            Effect: "Allow",
            Action: ["s3:ReplicateObject", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"],
            Resource: `${args.replicaArn}/*`,
        },
        {
            Sid: "DecryptSource",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: args.sourceKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": `s3.${args.sourceRegion}.amazonaws.com` },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": [args.sourceArn, `${args.sourceArn}/*`] },
            },
        },
        {
            Sid: "EncryptReplica",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
            Resource: args.replicaKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": `s3.${args.replicaRegion}.amazonaws.com` },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": [args.replicaArn, `${args.replicaArn}/*`] },
            },
        },
    );
}

/**
 * Protection: pass `{ protect: true }` (prod does): the buckets and the replica's key are protected
 * and retained on delete; `forceDestroy: false` refuses to delete a bucket that still holds objects.
 */
export class AwsBackupBucket extends DataComponent {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;
    /** The replica's name and ARN; null without replication. */
    readonly replicaBucketName: pulumi.Output<string | null>;
    readonly replicaBucketArn: pulumi.Output<string | null>;
    readonly bucket: aws.s3.Bucket;

    constructor(name: string, args: AwsBackupBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsBackupBucket", name, args.naming, opts);
        const objectLock = args.objectLock ?? "none";
        this.validate(validateAwsBackupBucketArgs(args, objectLock));
        const children = this.children;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const tags = { ...args.tags };
        const primary = hardenedBucket(children, "bucket", {
            name: pulumi.all([accountId, region]).apply(([account, r]) => accountRegionalBucketName(children.prefix, account, r)),
            kmsKeyArn: args.kmsKeyArn,
            retentionDays: args.retentionDays,
            objectLock,
            tags: { ...tags, [BACKUP_STORE_TAG]: "primary" },
        });
        this.bucket = primary.bucket;
        this.bucketName = primary.bucket.bucket;
        this.bucketArn = primary.bucket.arn;

        const replication = args.replication;
        if (replication === undefined) {
            this.replicaBucketName = pulumi.output(null);
            this.replicaBucketArn = pulumi.output(null);
        } else {
            const replicaKeys = new AwsKmsKeys(
                children.name("replica-kms"),
                { naming: args.naming, purposes: ["backups"] },
                { parent: this, providers: [replication.provider] },
            );
            const replicaKeyArn = replicaKeys.keyArns.backups ?? pulumi.output("");
            const replica = hardenedBucket(children, "replica", {
                name: accountId.apply((account) => accountRegionalBucketName(`${children.prefix}-replica`, account, replication.region)),
                kmsKeyArn: replicaKeyArn,
                retentionDays: args.retentionDays,
                // Replicating locked objects needs Object Lock on the replica too.
                objectLock,
                tags: { ...tags, [BACKUP_STORE_TAG]: "replica" },
                provider: replication.provider,
            });
            const role = new aws.iam.Role(
                children.name("replication"),
                {
                    name: children.physical("replication", "iamRole"),
                    description: `S3 replication of ${children.prefix} to ${replication.region}`,
                    assumeRolePolicy: JSON.stringify(serviceTrustPolicy("s3.amazonaws.com")),
                },
                children.options(),
            );
            const rolePolicy = new aws.iam.RolePolicy(
                children.name("replication"),
                {
                    role: role.id,
                    name: "replicate-backups",
                    policy: pulumi
                        .all([primary.bucket.arn, replica.bucket.arn, args.kmsKeyArn, replicaKeyArn, region])
                        .apply(([sourceArn, replicaArn, sourceKeyArn, rKeyArn, sourceRegion]) =>
                            JSON.stringify(
                                replicationPolicy({
                                    sourceArn,
                                    replicaArn,
                                    sourceKeyArn,
                                    replicaKeyArn: rKeyArn,
                                    sourceRegion,
                                    replicaRegion: replication.region,
                                }),
                            ),
                        ),
                },
                children.options(),
            );
            const rtc = replication.replicationTimeControl ?? true;
            new aws.s3.BucketReplicationConfig(
                children.name("bucket"),
                {
                    bucket: primary.bucket.bucket,
                    role: role.arn,
                    rules: [
                        {
                            id: "replicate-backups",
                            status: "Enabled",
                            priority: 1,
                            filter: {},
                            // A deletion in the primary does not reach the replica (ransomware, mistakes).
                            deleteMarkerReplication: { status: "Disabled" },
                            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                            destination: {
                                bucket: replica.bucket.arn,
                                storageClass: "STANDARD_IA",
                                encryptionConfiguration: { replicaKmsKeyId: replicaKeyArn },
                                ...(rtc
                                    ? {
                                          replicationTime: { status: "Enabled", time: { minutes: 15 } },
                                          metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
                                      }
                                    : {}),
                            },
                        },
                    ],
                },
                children.options({ dependsOn: [primary.versioning, replica.versioning, rolePolicy] }),
            );
            this.replicaBucketName = replica.bucket.bucket;
            this.replicaBucketArn = replica.bucket.arn;
        }
        this.complete("bucketName", "bucketArn", "replicaBucketName", "replicaBucketArn");
    }
}

/** Every problem with AwsBackupBucket's arguments. */
export function validateAwsBackupBucketArgs(args: AwsBackupBucketArgs, objectLock: string): Issue[] {
    return [
        ...checkWholeNumber("retentionDays", args.retentionDays, { min: 1, max: 3650 }),
        ...checkOneOf("objectLock", objectLock, OBJECT_LOCK_MODES),
        ...(args.replication ? checkRegion("replication.region", args.replication.region, "aws") : []),
    ];
}
