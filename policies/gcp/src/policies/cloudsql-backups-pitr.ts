import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNumber, asRecord, asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { backupConfigurationOf, isReplica } from "../cloudsql.js";

/** Seed 002: daily backups and a 7-day point-in-time recovery window. */
export const MIN_RETAINED_BACKUPS = 7;

/**
 * Cloud SQL primaries have daily backups with point-in-time recovery, keeping at least 7 backups
 * (CKV_GCP_14; seed 002 "PITR 7-day recovery window"); MySQL's point-in-time recovery is its binary
 * log (`binaryLogEnabled`, CKV2_GCP_20). Unset is off (the API's default for
 * PostgreSQL point-in-time recovery) and an unset retention is the API's default of 7. Read
 * replicas are exempt: they take no backups.
 */
export const cloudsqlBackupsPitr: ResourceValidationPolicy = {
    name: "gcp-cloudsql-backups-pitr",
    description: "Cloud SQL instances have daily backups and point-in-time recovery, kept at least 7 days.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_GCP_14: "Ensure all Cloud SQL database instance have backup configuration enabled",
        CKV2_GCP_20: "Ensure MySQL DB instance has point-in-time recovery backup configured",
    }),
    tags: seedTags("002"),
    remediationSteps:
        'Set settings.backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true, backupRetentionSettings: { retainedBackups: 7 or more, retentionUnit: "COUNT" } }.',
    url: "https://cloud.google.com/sql/docs/postgres/backup-recovery/backups",
    validateResource: validateResourceOfTypes([GCP_TYPES.sqlDatabaseInstance], (props, args, reportViolation) => {
        if (isReplica(props)) {
            args.notApplicable("a read replica takes no backups; its primary is checked");
        }
        const backups = backupConfigurationOf(props);
        if (backups["enabled"] !== true) {
            reportViolation(`Cloud SQL instance ${args.name} has no automated backups; set backupConfiguration.enabled: true.`);
            return;
        }
        if ((asString(props["databaseVersion"]) ?? "").includes("MYSQL")) {
            // MySQL recovers to a point in time from its binary log (CKV2_GCP_20).
            if (backups["binaryLogEnabled"] !== true) {
                reportViolation(
                    `Cloud SQL instance ${args.name} (MySQL) keeps no binary log, so it has no point-in-time recovery; set backupConfiguration.binaryLogEnabled: true.`,
                );
            }
        } else if (backups["pointInTimeRecoveryEnabled"] !== true) {
            reportViolation(
                `Cloud SQL instance ${args.name} has no point-in-time recovery; set backupConfiguration.pointInTimeRecoveryEnabled: true.`,
            );
        }
        const retention = asRecord(backups["backupRetentionSettings"]);
        const retained = asNumber(retention?.["retainedBackups"]);
        const unit = asString(retention?.["retentionUnit"]) ?? "COUNT";
        if (retained !== undefined && (unit !== "COUNT" || retained < MIN_RETAINED_BACKUPS)) {
            reportViolation(
                `Cloud SQL instance ${args.name} keeps ${retained} backup(s); keep at least ${MIN_RETAINED_BACKUPS} (retentionUnit "COUNT").`,
            );
        }
    }),
};
