import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, rejectedIssues } from "@platform/synth";
import { gcsBackupLifecycleRules, GcpBackupBucket, type GcpBackupBucketArgs, globalBucketName } from "../../src/index.js";
import { GCP_BACKUPS_KEY, GCP_PROJECT, protection, synth } from "../helpers.js";

function run(extra: Partial<GcpBackupBucketArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const b = new GcpBackupBucket(
            "backups",
            {
                naming: { project: "acme", environment: "dr" },
                project: GCP_PROJECT,
                region: "us-west1",
                kmsKeyName: GCP_BACKUPS_KEY,
                retentionDays: 30,
                ...extra,
            },
            opts,
        );
        return { bucketName: b.bucketName, bucketUrl: b.bucketUrl };
    }, "dr");
}

describe("GcpBackupBucket", () => {
    it("dr: a regional bucket with uniform access, public access prevention, versioning, CMEK, a retention policy, soft delete and lifecycle", async () => {
        const { resources, outputs } = await run();
        const name = globalBucketName("acme-dr-backups", GCP_PROJECT);
        assert.deepEqual(
            countByType(resources).map((c) => c.type),
            ["gcp:storage/bucket:Bucket", "platform:data:GcpBackupBucket", "pulumi:pulumi:Stack"],
        );
        assert.deepEqual(findResource(resources, "gcp:storage/bucket:Bucket", "backups-bucket").inputs, {
            project: GCP_PROJECT,
            name,
            location: "US-WEST1",
            storageClass: "STANDARD",
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            versioning: { enabled: true },
            encryption: { defaultKmsKeyName: GCP_BACKUPS_KEY },
            retentionPolicy: { retentionPeriod: "604800", isLocked: false },
            softDeletePolicy: { retentionDurationSeconds: 604800 },
            lifecycleRules: gcsBackupLifecycleRules(30),
            forceDestroy: false,
            labels: {},
        });
        assert.deepEqual(outputs, { bucketName: name, bucketUrl: `gs://${name}` });
    });

    it("compliance locks the retention policy", async () => {
        const bucket = findResource((await run({ objectLock: "compliance" })).resources, "gcp:storage/bucket:Bucket", "backups-bucket");
        assert.deepEqual(bucket.inputs["retentionPolicy"], { retentionPeriod: "604800", isLocked: true });
    });

    it("protect: true protects and retains the bucket", async () => {
        assert.deepEqual(protection((await run({}, { protect: true })).resources), [
            "backups-bucket gcp:storage/bucket:Bucket protect=true retain=true",
        ]);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<GcpBackupBucketArgs>, Array<[string, string]>]> = [
            ["an AWS region", { region: "us-east-1" }, [["region", "is not a GCP region"]]],
            ["no retention", { retentionDays: 0 }, [["retentionDays", "must be a whole number from 1 to 3650"]]],
            ["an unknown lock", { objectLock: "worm" as never }, [["objectLock", "is not an allowed value"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
    });
});
