/**
 * The lifecycle of an object store bucket (Loki's chunks and index, Tempo's blocks): objects expire
 * after the tool's retention, so the bucket never keeps more than the tool would read, even when
 * the tool's own compactor stops deleting. Versioning stays on (every bucket's policy): a deleted
 * or overwritten object is kept one day as a noncurrent version, then removed, which undoes a
 * mistaken delete without doubling the bill. Pure: tests check the rules exactly.
 */
import { ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS } from "../backup/bucket-plan.js";

/** Days a deleted or overwritten object of an object store stays restorable. */
export const OBJECT_STORE_NONCURRENT_DAYS = 1;

/** S3 lifecycle: current objects expire after `retentionDays`, noncurrent ones a day later, then their delete markers; incomplete uploads are aborted. */
export function s3ObjectStoreLifecycleRules(retentionDays: number) {
    return [
        { id: "expire-after-retention", status: "Enabled", filter: {}, expiration: { days: retentionDays } },
        {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: OBJECT_STORE_NONCURRENT_DAYS },
        },
        { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
        {
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
        },
    ];
}

/** GCS lifecycle: the same as on S3 (live objects deleted at `retentionDays` become noncurrent, removed a day later). */
export function gcsObjectStoreLifecycleRules(retentionDays: number) {
    return [
        { action: { type: "Delete" }, condition: { age: retentionDays, withState: "LIVE" } },
        { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: OBJECT_STORE_NONCURRENT_DAYS, withState: "ARCHIVED" } },
        { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS } },
    ];
}
