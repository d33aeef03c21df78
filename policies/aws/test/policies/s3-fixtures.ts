/** A bucket and its settings resources, as the platform's AwsBackupBucket creates them (each naming the bucket). */
import type { EvaluatedResource, StackFixture } from "@platform/policy-kit/harness";

export const KEY = "arn:aws:kms:us-east-1:111111111111:key/backups";

export interface BucketSettings {
    readonly publicAccessBlock?: Record<string, unknown>;
    readonly versioning?: Record<string, unknown>;
    readonly encryption?: Record<string, unknown>;
    readonly lifecycle?: Record<string, unknown>;
}

export const COMPLETE: Required<BucketSettings> = {
    publicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    versioning: { versioningConfiguration: { status: "Enabled" } },
    encryption: {
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }],
    },
    lifecycle: {
        rules: [{ id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
    },
};

const TYPES: Readonly<Record<keyof BucketSettings, string>> = {
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
};

/**
 * A bucket named `name` and the given settings, linked to it by property dependency (`byName`
 * false) or only by the bucket name, as a deployed stack's outputs show them.
 */
export function bucket(
    s: StackFixture,
    name: string,
    settings: BucketSettings,
    options: { byName?: boolean; inline?: Record<string, unknown> } = {},
): EvaluatedResource {
    const b = s.custom("aws:s3/bucket:Bucket", name, { bucket: name, ...options.inline }, { id: name });
    for (const [key, props] of Object.entries(settings) as Array<[keyof BucketSettings, Record<string, unknown>]>) {
        s.custom(TYPES[key], `${name}-${key}`, { bucket: name, ...props }, options.byName ? {} : { propertyDependencies: { bucket: [b] } });
    }
    return b;
}
