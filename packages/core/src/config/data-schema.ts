/**
 * `platform:data` (the data layer's settings) and `platform:profile.data` (overrides of the data
 * profile), as zod schemas the cloud branches of `schema.ts` include. Every key is read by the data
 * layer (`stacks/data`); each default is resolved in `parse.ts` so the settings are complete.
 */
import type { z } from "zod";
import { ENVIRONMENTS } from "../environments/profiles.js";
import { AWS_REGION_PATTERN, GCP_PROJECT_PATTERN } from "../validation/names.js";
import { bool, oneOf, strictObject, text, wholeNumber } from "./fields.js";

/** Instance sizes of the data services; the data layer maps each to a shape per service and cloud. */
export const DATA_SIZES = ["small", "medium", "large"] as const;
export type DataSize = (typeof DATA_SIZES)[number];

/**
 * Postgres connection pooling on AWS (docs/decisions.md "Connection pooling"):
 * - `rdsProxy`: an RDS Proxy in front of the primary (end-to-end IAM authentication, TLS required);
 *   it holds client connections through a Multi-AZ failover;
 * - `none`: clients connect to the instance (pooling in the application, or PgBouncer in-cluster).
 */
export const CONNECTION_POOLING = ["rdsProxy", "none"] as const;
export type ConnectionPooling = (typeof CONNECTION_POOLING)[number];

/**
 * Write-once protection of backup objects: S3 Object Lock default retention, GCS bucket
 * retention policy.
 * - `none`: versioning only (a deleted or overwritten backup stays as a noncurrent version);
 * - `governance`: objects cannot be deleted or overwritten during retention except by principals
 *   allowed to bypass it (S3 governance mode; GCS: an unlocked retention policy);
 * - `compliance`: nobody can, not even the account root, and the setting cannot be undone
 *   (S3 compliance mode; GCS: the retention policy is locked).
 */
export const OBJECT_LOCK_MODES = ["none", "governance", "compliance"] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/** Default receives before a message moves to the dead-letter queue. */
export const DEFAULT_MAX_RECEIVE_COUNT = 5;

const size = oneOf(DATA_SIZES).meta({
    description:
        "Instance size of the databases, caches and brokers (small, medium, large). Default: from the profile's storage (under 100 GB small, under 400 GB medium, else large).",
});

const queue = strictObject(
    {
        maxReceiveCount: wholeNumber(1, 1000).meta({
            description: `Receives (deliveries on GCP) before a message moves to the dead-letter queue. Default ${DEFAULT_MAX_RECEIVE_COUNT}.`,
        }),
    },
    "{ maxReceiveCount: 5 }",
).meta({ description: "The work queue and its dead-letter queue." });

const objectLock = oneOf(OBJECT_LOCK_MODES).meta({
    description:
        "Write-once protection of backup objects (S3 Object Lock, GCS retention policy): none, governance or compliance. Default none.",
});

const readReplicas = wholeNumber(0, 5).meta({ description: "Read replicas of the primary Postgres database. Default 0." });

/** `platform:data` on AWS. */
export const AWS_DATA_SCHEMA = strictObject(
    {
        size: size.optional(),
        postgres: strictObject(
            {
                readReplicas: readReplicas.optional(),
                connectionPooling: oneOf(CONNECTION_POOLING)
                    .optional()
                    .meta({ description: "rdsProxy or none. Default: rdsProxy where the profile is highly available, else none." }),
            },
            "{ readReplicas: 1, connectionPooling: rdsProxy }",
        ).optional(),
        queue: queue.optional(),
        backups: strictObject(
            {
                objectLock: objectLock.optional(),
                replicationRegion: text(AWS_REGION_PATTERN, "an AWS region such as us-west-2", "an AWS region").optional().meta({
                    description: "A second region the backup bucket replicates to (S3 replication, 15-minute replication time control).",
                }),
                crossCloudCopy: strictObject(
                    {
                        gcpProject: text(GCP_PROJECT_PATTERN, "the GCP project id of the copy, e.g. acme-dr-prod", "a GCP project id").meta(
                            {
                                description:
                                    "The GCP project whose Storage Transfer Service copies the backup bucket to GCS: its service agent may assume a read-only role on the bucket.",
                            },
                        ),
                    },
                    "{ gcpProject: acme-dr-prod }",
                )
                    .optional()
                    .meta({ description: "Let the backup bucket be copied to GCS (seed 004): the source side of the cross-cloud copy." }),
            },
            "{ objectLock: governance, replicationRegion: us-west-2 }",
        ).optional(),
    },
    "{ postgres: { readReplicas: 1 } }",
).meta({ description: "The data layer: databases, caches, queues and backups." });

/** `platform:data` on GCP. */
export const GCP_DATA_SCHEMA = strictObject(
    {
        size: size.optional(),
        postgres: strictObject({ readReplicas: readReplicas.optional() }, "{ readReplicas: 1 }").optional(),
        queue: queue.optional(),
        backups: strictObject(
            {
                objectLock: objectLock.optional(),
                crossCloudCopy: strictObject(
                    {
                        sourceAwsAccountId: text(
                            /^\d{12}$/,
                            "the 12-digit AWS account id of the source environment",
                            "an AWS account id",
                        ).meta({
                            description: "The AWS account holding the source environment's backup bucket.",
                        }),
                        sourceEnvironment: oneOf(ENVIRONMENTS)
                            .optional()
                            .meta({ description: "The AWS environment whose backups are copied. Default prod." }),
                        sourceRegion: text(AWS_REGION_PATTERN, "an AWS region such as us-east-1", "an AWS region")
                            .optional()
                            .meta({ description: "The source environment's region. Default us-east-1." }),
                    },
                    "{ sourceAwsAccountId: '123456789012' }",
                )
                    .optional()
                    .meta({
                        description:
                            "Copy an AWS environment's backup bucket into this environment's backup bucket daily (Storage Transfer Service, seed 004).",
                    }),
            },
            "{ objectLock: governance }",
        ).optional(),
    },
    "{ postgres: { readReplicas: 1 } }",
).meta({ description: "The data layer: databases, caches, queues and backups." });

/** `platform:profile.data`: overrides of the data profile (weakening prod or dr needs a waiver). */
export const DATA_PROFILE_OVERRIDES = strictObject(
    {
        highAvailability: bool().optional(),
        storageGb: wholeNumber(20, 65536).optional(),
        backupRetentionDays: wholeNumber(1, 35).optional(),
        pointInTimeRecovery: bool().optional(),
        deletionProtection: bool().optional(),
    },
    "{ backupRetentionDays: 14 }",
);

export type AwsDataConfig = z.infer<typeof AWS_DATA_SCHEMA>;
export type GcpDataConfig = z.infer<typeof GCP_DATA_SCHEMA>;

/** Config keys of `platform:data` that exist on one cloud only. */
export const DATA_CLOUD_ONLY_KEYS: Readonly<Record<string, "aws" | "gcp">> = {
    "data.postgres.connectionPooling": "aws",
    "data.backups.replicationRegion": "aws",
};
