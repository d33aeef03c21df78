import * as assert from "node:assert/strict";
import { rdsBackupRetention } from "../../src/policies/rds-backup-retention.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const INSTANCE = "aws:rds/instance:Instance";

describe("aws-rds-backup-retention", () => {
    it("passes 7 days outside production, 30 in prod, and replicas without backups", async () => {
        const dev = environmentStack("dev");
        dev.add(INSTANCE, "db", { backupRetentionPeriod: 7 });
        assert.deepEqual(await runPolicy(rdsBackupRetention, dev.s), []);
        const prod = environmentStack("prod");
        prod.add(INSTANCE, "db", { backupRetentionPeriod: 30 });
        prod.add(INSTANCE, "replica", { replicateSourceDb: "db", backupRetentionPeriod: 0 });
        prod.add("aws:rds/cluster:Cluster", "cluster", { backupRetentionPeriod: 35 });
        assert.deepEqual(await runPolicy(rdsBackupRetention, prod.s), []);
    });

    it("flags short and unset retention: under 7 anywhere, under 30 in prod and dr", async () => {
        const dev = environmentStack("dev");
        const short = dev.add(INSTANCE, "short", { backupRetentionPeriod: 1 });
        const unset = dev.add(INSTANCE, "unset", {});
        assert.deepEqual(await runPolicy(rdsBackupRetention, dev.s), [
            violation(
                rdsBackupRetention,
                short.urn,
                `RDS short-id (${short.urn}) keeps backups 1 day(s); set backupRetentionPeriod to at least 7.`,
            ),
            violation(
                rdsBackupRetention,
                unset.urn,
                `RDS unset-id (${unset.urn}) does not set backupRetentionPeriod; set backupRetentionPeriod to at least 7.`,
            ),
        ]);
        const dr = environmentStack("dr");
        const week = dr.add(INSTANCE, "week", { backupRetentionPeriod: 7 });
        assert.deepEqual(await runPolicy(rdsBackupRetention, dr.s), [
            violation(
                rdsBackupRetention,
                week.urn,
                `RDS week-id (${week.urn}) keeps backups 7 day(s) in dr; set backupRetentionPeriod to at least 30.`,
            ),
        ]);
    });
});
