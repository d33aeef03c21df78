/**
 * The backup buckets' rules as pure functions: lifecycle (seeds 000/001 "Versioning + Lifecycle",
 * K5 storage tiering), the TLS-only and KMS-only bucket policy, write-once retention. Tests check
 * them exactly; the components turn them into resources.
 */
import type { ObjectLockMode } from "@platform/core";
import { type IamPolicyDocument, policyDocument } from "../aws/iam.js";

/** Days before backups move to a cheaper class: S3 Standard-IA / GCS Nearline after 30, Glacier IR / Coldline after 90. */
export const INFREQUENT_ACCESS_AFTER_DAYS = 30;
export const ARCHIVE_AFTER_DAYS = 90;
/** Incomplete multipart uploads are aborted after 7 days. */
export const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;
/**
 * The shortest backup lifetime (Velero's and AWS Backup's hourly backups: 7 days, seed 001): how
 * long every object is write-once on GCS, whose retention policy refuses deletes outright (a
 * longer one would stop Velero from expiring hourly backups).
 */
export const SHORTEST_BACKUP_DAYS = 7;

/**
 * S3 lifecycle of a backup bucket: current objects tier down after 30 and 90 days; an
 * overwritten or deleted backup stays `retentionDays` as a noncurrent version, then expires;
 * delete markers left alone are removed; incomplete uploads are aborted.
 */
export function s3BackupLifecycleRules(retentionDays: number) {
    return [
        {
            id: "tier-down",
            status: "Enabled",
            filter: {},
            transitions: [
                { days: INFREQUENT_ACCESS_AFTER_DAYS, storageClass: "STANDARD_IA" },
                { days: ARCHIVE_AFTER_DAYS, storageClass: "GLACIER_IR" },
            ],
        },
        {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: retentionDays },
        },
        {
            id: "remove-expired-delete-markers",
            status: "Enabled",
            filter: {},
            expiration: { expiredObjectDeleteMarker: true },
        },
        {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
        },
    ];
}

/** GCS lifecycle of a backup bucket: the same tiering and noncurrent-version expiry as on S3. */
export function gcsBackupLifecycleRules(retentionDays: number) {
    return [
        {
            action: { type: "SetStorageClass", storageClass: "NEARLINE" },
            condition: { age: INFREQUENT_ACCESS_AFTER_DAYS, matchesStorageClasses: ["STANDARD"] },
        },
        {
            action: { type: "SetStorageClass", storageClass: "COLDLINE" },
            condition: { age: ARCHIVE_AFTER_DAYS, matchesStorageClasses: ["NEARLINE"] },
        },
        { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: retentionDays, withState: "ARCHIVED" } },
        { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS } },
    ];
}

/**
 * The backup bucket's policy: no request over plain HTTP or TLS older than 1.2, and no upload that
 * names any encryption but SSE-KMS (uploads that name none get the bucket's default, the key).
 */
export function s3BackupBucketPolicy(bucketArn: string): IamPolicyDocument {
    const everything = [bucketArn, `${bucketArn}/*`];
    return policyDocument(
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyOutdatedTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
        {
            Sid: "DenyUploadsWithoutKms",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: `${bucketArn}/*`,
            // Only when the request names an encryption (Null false): negated operators match a missing key.
            Condition: {
                StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
                Null: { "s3:x-amz-server-side-encryption": "false" },
            },
        },
    );
}

/** S3 Object Lock default retention for a mode (none: no lock configuration). */
export function s3ObjectLockRule(mode: ObjectLockMode, retentionDays: number) {
    return mode === "none"
        ? undefined
        : { defaultRetention: { mode: mode === "compliance" ? "COMPLIANCE" : "GOVERNANCE", days: retentionDays } };
}

/** The GCS retention policy for a mode: always the shortest backup lifetime; locked (irreversibly) in compliance mode. */
export function gcsRetentionPolicy(mode: ObjectLockMode) {
    return { retentionPeriod: String(SHORTEST_BACKUP_DAYS * 86_400), isLocked: mode === "compliance" };
}
