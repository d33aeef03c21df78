import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, awsTags, checkov, resourceLabel, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";
import { s3Buckets, settingsOf } from "../s3.js";

/** Tag (and value) of the bucket backups are written to (`@platform/data`'s AwsBackupBucket). */
export const BACKUP_STORE_TAG = "backup-store";
export const BACKUP_STORE_PRIMARY = "primary";

/** True when a list of replication rules has an enabled one. */
function hasEnabledRule(rules: unknown): boolean {
    return (asArray(rules) ?? []).some((r) => asRecord(r)?.["status"] === "Enabled");
}

/** True when the bucket replicates: an enabled rule of a BucketReplicationConfig on it, or of its legacy inline configuration. */
function replicates(bucket: PolicyResource, resources: readonly PolicyResource[]): boolean {
    const inline = asRecord(bucket.props["replicationConfiguration"])?.["rules"];
    return (
        hasEnabledRule(inline) ||
        settingsOf(bucket, resources, AWS_TYPES.s3BucketReplicationConfig).some((c) => hasEnabledRule(c.props["rules"]))
    );
}

/**
 * In prod and dr, backup buckets replicate to a second region (CKV_AWS_144; seeds 000 and 004: the
 * backups outlive a region): a bucket tagged `backup-store: primary` has an enabled replication
 * rule (`aws.s3.BucketReplicationConfig`, or the legacy inline configuration). The replica is in
 * another region by construction (AwsBackupBucket's `replication.region`, which the configuration
 * refuses to be the stack's own). Other buckets are not judged: Loki's and Tempo's expire within
 * weeks, load balancer logs are telemetry, and dev and staging backups are disposable.
 */
export const s3BackupReplication: StackValidationPolicy = {
    name: "aws-s3-backup-replication",
    description: "Production backup buckets replicate to a second region.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_144: "Ensure that S3 bucket has cross-region replication enabled" }),
    tags: seedTags("000", "004"),
    remediationSteps:
        "Set platform:data.backups.replicationRegion (e.g. us-west-2) in prod and dr: AwsBackupBucket then replicates the bucket to a replica there, with its own backups key and 15-minute replication time control.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            if (awsTags(bucket)[BACKUP_STORE_TAG] !== BACKUP_STORE_PRIMARY) continue;
            const environment = productionEnvironmentOf(bucket, args.resources);
            if (environment === undefined || replicates(bucket, args.resources)) continue;
            reportViolation(
                `backup bucket ${resourceLabel(bucket)} is in ${environment} but replicates to no second region; set platform:data.backups.replicationRegion, so a region's loss does not take the backups with it.`,
                bucket.urn,
            );
        }
    },
};
