import * as assert from "node:assert/strict";
import {
    gcsBackupLifecycleRules,
    gcsRetentionPolicy,
    globalBucketName,
    s3BackupBucketPolicy,
    s3BackupLifecycleRules,
    s3ObjectLockRule,
} from "../../src/index.js";

describe("backup bucket rules", () => {
    it("S3 lifecycle: tier down at 30 and 90 days, noncurrent versions kept the retention, delete markers and incomplete uploads cleaned", () => {
        assert.deepEqual(s3BackupLifecycleRules(30), [
            {
                id: "tier-down",
                status: "Enabled",
                filter: {},
                transitions: [
                    { days: 30, storageClass: "STANDARD_IA" },
                    { days: 90, storageClass: "GLACIER_IR" },
                ],
            },
            { id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
            { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
            { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        ]);
        assert.deepEqual(s3BackupLifecycleRules(7)[1], {
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: 7 },
        });
    });

    it("GCS lifecycle mirrors it", () => {
        assert.deepEqual(gcsBackupLifecycleRules(30), [
            { action: { type: "SetStorageClass", storageClass: "NEARLINE" }, condition: { age: 30, matchesStorageClasses: ["STANDARD"] } },
            { action: { type: "SetStorageClass", storageClass: "COLDLINE" }, condition: { age: 90, matchesStorageClasses: ["NEARLINE"] } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30, withState: "ARCHIVED" } },
            { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
        ]);
    });

    it("the S3 policy refuses plain HTTP, TLS below 1.2 and uploads that name another encryption", () => {
        const arn = "arn:aws:s3:::b";
        assert.deepEqual(s3BackupBucketPolicy(arn), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [arn, `${arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
                {
                    Sid: "DenyOutdatedTls",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [arn, `${arn}/*`],
                    Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
                },
                {
                    Sid: "DenyUploadsWithoutKms",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:PutObject",
                    Resource: `${arn}/*`,
                    Condition: {
                        StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
                        Null: { "s3:x-amz-server-side-encryption": "false" },
                    },
                },
            ],
        });
    });

    it("Object Lock and the GCS retention policy per mode", () => {
        assert.equal(s3ObjectLockRule("none", 30), undefined);
        assert.deepEqual(s3ObjectLockRule("governance", 30), { defaultRetention: { mode: "GOVERNANCE", days: 30 } });
        assert.deepEqual(s3ObjectLockRule("compliance", 7), { defaultRetention: { mode: "COMPLIANCE", days: 7 } });
        assert.deepEqual(gcsRetentionPolicy("none"), { retentionPeriod: "604800", isLocked: false });
        assert.deepEqual(gcsRetentionPolicy("governance"), { retentionPeriod: "604800", isLocked: false });
        assert.deepEqual(gcsRetentionPolicy("compliance"), { retentionPeriod: "604800", isLocked: true });
    });

    it("global GCS names: the prefix and a stable hash of the project, at most 63 characters", () => {
        assert.match(globalBucketName("acme-dr-backups", "acme-dr-prod"), /^acme-dr-backups-[0-9a-f]{6}$/);
        assert.equal(globalBucketName("acme-dr-backups", "acme-dr-prod"), globalBucketName("acme-dr-backups", "acme-dr-prod"));
        assert.notEqual(globalBucketName("acme-dr-backups", "acme-dr-prod"), globalBucketName("acme-dr-backups", "other-dr-prod"));
        const long = globalBucketName(`acme-dr-${"x".repeat(70)}`, "acme-dr-prod");
        assert.equal(long.length, 63);
    });
});
