/**
 * The data stack's outputs: the contract later layers (the platform add-ons, applications through
 * External Secrets) read through {@link TypedStackReference}. One shape per cloud, discriminated by
 * `cloud`, like the foundation's. No output is a secret: credentials stay in the cloud's secret
 * store and the contract carries only where to find them.
 */
import type { Cloud, EnvironmentName } from "../environments/profiles.js";
import { fitName, NAME_RULES, resourceName } from "../naming.js";

/** Where applications connect to Postgres. */
export interface PostgresOutputs {
    /** Host clients connect to: the RDS Proxy endpoint when pooling is on, else the primary. */
    readonly host: string;
    readonly port: number;
    /** The primary instance's own host (migrations, administration). */
    readonly instanceHost: string;
    /** Hosts of the read replicas ([] without replicas). */
    readonly readerHosts: string[];
    readonly databaseName: string;
    readonly adminUsername: string;
    /** The administrator's credentials: a Secrets Manager secret ARN (AWS) or Secret Manager secret id (GCP). */
    readonly adminSecret: string;
}

export interface RedisOutputs {
    readonly host: string;
    readonly port: number;
    /** The AUTH token's secret (Secrets Manager ARN / Secret Manager id); clients connect with TLS. */
    readonly authSecret: string;
}

interface DataOutputsBase {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    readonly postgres: PostgresOutputs;
    readonly redis: RedisOutputs;
    /**
     * The StorageClass whose volumes are encrypted with the foundation's `data` key, for workloads
     * that hold data: the cluster's default on EKS (gp3 with the key), the data layer's
     * `pd-balanced-cmek` on GKE (whose default is Google-encrypted); null without a cluster.
     */
    readonly volumeStorageClass: string | null;
}

export interface AwsDataOutputs extends DataOutputsBase {
    readonly cloud: "aws";
    readonly rabbitmq: {
        /** `amqps://...:5671` endpoints, one per broker node. */
        readonly amqpEndpoints: string[];
        readonly consoleUrl: string;
        /** The administrator's credentials (Secrets Manager ARN). */
        readonly credentialsSecret: string;
    };
    readonly queue: { readonly url: string; readonly arn: string; readonly deadLetterUrl: string; readonly deadLetterArn: string };
    readonly backups: {
        readonly bucketName: string;
        readonly bucketArn: string;
        /** The replica in the replication region; null without replication. */
        readonly replicaBucketName: string | null;
        readonly vaultName: string;
        readonly planId: string;
        /** The tag key and value that put a resource into the backup plan. */
        readonly selectionTag: { readonly key: string; readonly value: string };
        /** The read-only role GCS Storage Transfer assumes; null without a cross-cloud copy. */
        readonly crossCloudCopyRoleArn: string | null;
    };
}

export interface GcpDataOutputs extends DataOutputsBase {
    readonly cloud: "gcp";
    readonly queue: {
        readonly topic: string;
        readonly subscription: string;
        readonly deadLetterTopic: string;
        readonly deadLetterSubscription: string;
    };
    readonly backups: {
        readonly bucketName: string;
        /** The Storage Transfer Service agent of this project (the subject an AWS copy role trusts). */
        readonly transferServiceAccount: { readonly email: string; readonly subjectId: string };
        /** The daily S3 -> GCS transfer job; null without a cross-cloud copy. */
        readonly crossCloudCopyJob: string | null;
    };
}

export type DataOutputs = AwsDataOutputs | GcpDataOutputs;

/**
 * Names the AWS and GCP data stacks must agree on for the cross-cloud copy (seed 004): the GCP
 * side computes the S3 bucket and the role it reads through from the AWS environment's naming,
 * so nothing is copied by hand but the AWS account id.
 */
export const BACKUP_BUCKET_COMPONENT = "backups";

/** Suffix of S3 bucket names in an account's regional namespace: `-<account id>-<region>-an`. */
export function s3AccountRegionalSuffix(accountId: string, region: string): string {
    return `-${accountId}-${region}-an`;
}

/**
 * An S3 bucket name in the account's regional namespace (`bucketNamespace: account-regional`):
 * `<prefix>-<account id>-<region>-an`, unique without a random suffix, and no other account can
 * take it. `prefix` (a physical name) is cut with a stable hash when the whole would pass 63
 * characters.
 */
export function accountRegionalBucketName(prefix: string, accountId: string, region: string): string {
    const suffix = s3AccountRegionalSuffix(accountId, region);
    return `${fitName(prefix, NAME_RULES.s3Bucket.maxLength - suffix.length)}${suffix}`;
}

/** The S3 backup bucket of an environment: `<project>-<env>-backups-<account>-<region>-an`. */
export function awsBackupBucketName(
    naming: { readonly project: string; readonly environment: string },
    accountId: string,
    region: string,
): string {
    return accountRegionalBucketName(`${naming.project}-${naming.environment}-${BACKUP_BUCKET_COMPONENT}`, accountId, region);
}

/** The read-only IAM role GCS Storage Transfer Service assumes to copy the backup bucket. */
export function crossCloudCopyRoleName(naming: { readonly project: string; readonly environment: string }): string {
    return resourceName({ ...naming, component: `${BACKUP_BUCKET_COMPONENT}-gcs-transfer` }, "iamRole");
}
