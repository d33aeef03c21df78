import * as assert from "node:assert/strict";
import { s3BackupReplication } from "../../src/policies/s3-backup-replication.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const PRIMARY = { "backup-store": "primary" };
const FIX = "set platform:data.backups.replicationRegion, so a region's loss does not take the backups with it.";
const rule = (status: string) => ({ id: "replicate-backups", status, destination: { bucket: "arn:aws:s3:::backups-replica" } });

describe("aws-s3-backup-replication", () => {
    it("passes a production backup bucket with an enabled replication rule (separate resource, by dependency or name, or inline), other buckets, and backups outside production", async () => {
        const { s, add } = environmentStack("prod");
        const primary = add(BUCKET, "backups", { bucket: "backups", tags: PRIMARY }, { id: "backups" });
        add(REPLICATION, "backups", { bucket: "backups", rules: [rule("Enabled")] }, { propertyDependencies: { bucket: [primary] } });
        add(BUCKET, "by-name", { bucket: "by-name", tags: PRIMARY }, { id: "by-name" });
        add(REPLICATION, "by-name", { bucket: "by-name", rules: [rule("Disabled"), rule("Enabled")] });
        add(
            BUCKET,
            "inline",
            { bucket: "inline", tags: PRIMARY, replicationConfiguration: { role: "r", rules: [rule("Enabled")] } },
            { id: "inline" },
        );
        add(BUCKET, "replica", { bucket: "backups-replica", tags: { "backup-store": "replica" } }, { id: "backups-replica" });
        add(BUCKET, "loki", { bucket: "loki" }, { id: "loki" });
        assert.deepEqual(await runPolicy(s3BackupReplication, s), []);
        const dev = environmentStack("dev");
        dev.add(BUCKET, "backups", { bucket: "backups", tags: PRIMARY }, { id: "backups" });
        assert.deepEqual(await runPolicy(s3BackupReplication, dev.s), []);
    });

    it("flags a production backup bucket without replication, and one whose rules are all disabled, in prod and dr", async () => {
        for (const env of ["prod", "dr"]) {
            const { s, add } = environmentStack(env);
            const none = add(BUCKET, "none", { bucket: "none", tags: PRIMARY }, { id: "none" });
            const disabled = add(BUCKET, "disabled", { bucket: "disabled", tags: PRIMARY }, { id: "disabled" });
            add(
                REPLICATION,
                "disabled",
                { bucket: "disabled", rules: [rule("Disabled")] },
                { propertyDependencies: { bucket: [disabled] } },
            );
            assert.deepEqual(await runPolicy(s3BackupReplication, s), [
                violation(
                    s3BackupReplication,
                    none.urn,
                    `backup bucket none (${none.urn}) is in ${env} but replicates to no second region; ${FIX}`,
                ),
                violation(
                    s3BackupReplication,
                    disabled.urn,
                    `backup bucket disabled (${disabled.urn}) is in ${env} but replicates to no second region; ${FIX}`,
                ),
            ]);
        }
    });
});
