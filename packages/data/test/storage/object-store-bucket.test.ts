import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues } from "@platform/synth";
import {
    AwsObjectStoreBucket,
    GcpObjectStoreBucket,
    gcsObjectStoreLifecycleRules,
    globalBucketName,
    s3BackupBucketPolicy,
    s3ObjectStoreLifecycleRules,
} from "../../src/index.js";
import { ACCOUNT, DATA_KEY, GCP_DATA_KEY, GCP_PROJECT, json, protection, synth } from "../helpers.js";

const NAME = `acme-prod-loki-${ACCOUNT}-us-east-1-an`;
const S3 = "aws:s3/";

function aws(retentionDays = 30, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const b = new AwsObjectStoreBucket(
            "loki",
            { naming: { project: "acme", environment: "prod" }, kmsKeyArn: DATA_KEY, retentionDays },
            opts,
        );
        return { bucketName: b.bucketName, bucketArn: b.bucketArn };
    });
}

function gcp(retentionDays = 14, opts?: pulumi.ComponentResourceOptions, project = GCP_PROJECT) {
    return synth(() => {
        const b = new GcpObjectStoreBucket(
            "tempo",
            { naming: { project: "acme", environment: "dr" }, project, region: "us-west1", kmsKeyName: GCP_DATA_KEY, retentionDays },
            opts,
        );
        return { bucketName: b.bucketName };
    }, "dr");
}

const inputs = (resources: readonly InventoryResource[], type: string, name: string) => findResource(resources, type, name).inputs;

describe("object store lifecycle (pure)", () => {
    it("S3: current objects expire at the retention, noncurrent versions a day later, delete markers and incomplete uploads cleaned", () => {
        assert.deepEqual(s3ObjectStoreLifecycleRules(30), [
            { id: "expire-after-retention", status: "Enabled", filter: {}, expiration: { days: 30 } },
            { id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 1 } },
            { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
            { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        ]);
    });

    it("GCS: live objects deleted at the retention, noncurrent ones a day later, incomplete uploads aborted", () => {
        assert.deepEqual(gcsObjectStoreLifecycleRules(14), [
            { action: { type: "Delete" }, condition: { age: 14, withState: "LIVE" } },
            { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 1, withState: "ARCHIVED" } },
            { action: { type: "AbortIncompleteMultipartUpload" }, condition: { age: 7 } },
        ]);
    });
});

describe("AwsObjectStoreBucket", () => {
    it("the platform's hardened bucket (seven resources) with the data key and the object store lifecycle; no Object Lock", async () => {
        const { resources, outputs } = await aws();
        assert.deepEqual(
            countByType(resources)
                .filter((c) => c.type.startsWith(S3))
                .map((c) => `${c.type} ${c.count}`),
            [
                "aws:s3/bucket:Bucket 1",
                "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration 1",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls 1",
                "aws:s3/bucketPolicy:BucketPolicy 1",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock 1",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration 1",
                "aws:s3/bucketVersioning:BucketVersioning 1",
            ],
        );
        assert.deepEqual(outputs, { bucketName: NAME, bucketArn: `arn:aws:s3:::${NAME}` });
        assert.deepEqual(inputs(resources, `${S3}bucket:Bucket`, "loki-bucket"), {
            bucket: NAME,
            bucketNamespace: "account-regional",
            objectLockEnabled: false,
            forceDestroy: false,
            tags: { Name: "acme-prod-loki-bucket" },
        });
        assert.deepEqual(
            inputs(resources, `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`, "loki-bucket")[
                "rules"
            ],
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: DATA_KEY }, bucketKeyEnabled: true }],
        );
        assert.deepEqual(
            inputs(resources, `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`, "loki-bucket")["rules"],
            s3ObjectStoreLifecycleRules(30),
        );
        assert.deepEqual(
            json(inputs(resources, `${S3}bucketPolicy:BucketPolicy`, "loki-bucket")["policy"]),
            s3BackupBucketPolicy(`arn:aws:s3:::${NAME}`),
        );
    });

    it("protected: the bucket is protected and retained; its settings are protected only", async () => {
        const lines = protection((await aws(30, { protect: true })).resources);
        assert.ok(lines.includes("loki-bucket aws:s3/bucket:Bucket protect=true retain=true"), lines.join("\n"));
        assert.ok(lines.includes("loki-bucket aws:s3/bucketPolicy:BucketPolicy protect=true retain=false"), lines.join("\n"));
        assert.ok(
            protection((await aws(30)).resources).every((l) => l.endsWith("protect=false retain=false")),
            "unprotected: nothing protected or retained",
        );
    });

    it("rejects a retention outside 1..3650 days", async () => {
        assert.deepEqual(fieldsAndProblems(await rejectedIssues(aws(0))), [["retentionDays", "must be a whole number from 1 to 3650"]]);
    });
});

describe("GcpObjectStoreBucket", () => {
    it("regional, uniform access, public access prevented, versioned, CMEK with the data key, soft delete off, the object store lifecycle", async () => {
        const { resources, outputs } = await gcp();
        const name = globalBucketName("acme-dr-tempo", GCP_PROJECT);
        assert.deepEqual(inputs(resources, "gcp:storage/bucket:Bucket", "tempo-bucket"), {
            project: GCP_PROJECT,
            name,
            location: "US-WEST1",
            storageClass: "STANDARD",
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            versioning: { enabled: true },
            encryption: { defaultKmsKeyName: GCP_DATA_KEY },
            softDeletePolicy: { retentionDurationSeconds: 0 },
            lifecycleRules: gcsObjectStoreLifecycleRules(14),
            forceDestroy: false,
            labels: {},
        });
        assert.deepEqual(outputs, { bucketName: name });
        assert.deepEqual(protection((await gcp(14, { protect: true })).resources), [
            "tempo-bucket gcp:storage/bucket:Bucket protect=true retain=true",
        ]);
    });

    it("rejects a bad project and retention, every problem at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(gcp(0, undefined, "X"))).map(([field]) => field),
            ["project", "retentionDays"],
        );
    });
});
