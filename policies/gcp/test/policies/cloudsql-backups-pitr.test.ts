import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { cloudsqlBackupsPitr } from "../../src/policies/cloudsql-backups-pitr.js";
import { runPolicy, SQL_SETTINGS, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";

describe("gcp-cloudsql-backups-pitr", () => {
    it("passes backups with PITR kept 7 or more (or the API's default count); replicas are not applicable", async () => {
        const s = new StackFixture();
        s.custom(SQL, "ok", { settings: SQL_SETTINGS });
        s.custom(SQL, "default-count", { settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } } });
        s.custom(SQL, "replica", { masterInstanceName: "ok", settings: { backupConfiguration: { enabled: false } } });
        s.custom(SQL, "mysql", {
            databaseVersion: "MYSQL_8_0",
            settings: { backupConfiguration: { enabled: true, binaryLogEnabled: true } },
        });
        assert.deepEqual(await runPolicy(cloudsqlBackupsPitr, s), []);
    });

    it("flags a MySQL instance without its binary log (its point-in-time recovery)", async () => {
        const s = new StackFixture();
        const mysql = s.custom(SQL, "mysql", {
            databaseVersion: "MYSQL_8_0",
            settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } },
        });
        assert.deepEqual(await runPolicy(cloudsqlBackupsPitr, s), [
            violation(
                cloudsqlBackupsPitr,
                mysql.urn,
                "Cloud SQL instance mysql (MySQL) keeps no binary log, so it has no point-in-time recovery; set backupConfiguration.binaryLogEnabled: true.",
            ),
        ]);
    });

    it("flags no backups (unset and off), no PITR, and fewer than 7 backups", async () => {
        const s = new StackFixture();
        const unset = s.custom(SQL, "unset", {});
        const off = s.custom(SQL, "off", { settings: { backupConfiguration: { enabled: false } } });
        const nopitr = s.custom(SQL, "nopitr", { settings: { backupConfiguration: { enabled: true } } });
        const few = s.custom(SQL, "few", {
            settings: {
                backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, backupRetentionSettings: { retainedBackups: 3 } },
            },
        });
        const none = "has no automated backups; set backupConfiguration.enabled: true.";
        assert.deepEqual(await runPolicy(cloudsqlBackupsPitr, s), [
            violation(cloudsqlBackupsPitr, unset.urn, `Cloud SQL instance unset ${none}`),
            violation(cloudsqlBackupsPitr, off.urn, `Cloud SQL instance off ${none}`),
            violation(
                cloudsqlBackupsPitr,
                nopitr.urn,
                "Cloud SQL instance nopitr has no point-in-time recovery; set backupConfiguration.pointInTimeRecoveryEnabled: true.",
            ),
            violation(cloudsqlBackupsPitr, few.urn, 'Cloud SQL instance few keeps 3 backup(s); keep at least 7 (retentionUnit "COUNT").'),
        ]);
    });
});
