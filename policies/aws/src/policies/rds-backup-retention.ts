import type { StackValidationPolicy } from "@pulumi/policy";
import { asNumber, checkov, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";
import { isReadReplica } from "../rds.js";

/** Days of automated backups everywhere (seed 002: a 7-day recovery window), and in prod and dr (seed 000: 30-day retention). */
export const MIN_BACKUP_RETENTION_DAYS = 7;
export const MIN_PROD_BACKUP_RETENTION_DAYS = 30;

/**
 * RDS databases keep automated backups (and so point-in-time recovery) at least 7 days, 30 in prod
 * and dr (CKV_AWS_133). Read replicas are exempt: they are rebuilt from the primary. Unset counts
 * as no retention the platform chose.
 */
export const rdsBackupRetention: StackValidationPolicy = {
    name: "aws-rds-backup-retention",
    description: "RDS databases keep automated backups at least 7 days, 30 in production.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_133: "Ensure that RDS instances has backup policy" }),
    tags: seedTags("000", "002"),
    remediationSteps:
        "Set backupRetentionPeriod to at least 7 days, and to at least 30 in prod and dr (the data profile's backupRetentionDays).",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    validateStack: (args, reportViolation) => {
        for (const db of resourcesOfTypes(args.resources, AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster)) {
            if (isReadReplica(db.props)) continue;
            const environment = productionEnvironmentOf(db, args.resources);
            const floor = environment === undefined ? MIN_BACKUP_RETENTION_DAYS : MIN_PROD_BACKUP_RETENTION_DAYS;
            const days = asNumber(db.props["backupRetentionPeriod"]);
            if (days !== undefined && days >= floor) continue;
            const state = days === undefined ? "does not set backupRetentionPeriod" : `keeps backups ${days} day(s)`;
            reportViolation(
                `RDS ${resourceLabel(db)} ${state}${environment === undefined ? "" : ` in ${environment}`}; set backupRetentionPeriod to at least ${floor}.`,
                db.urn,
            );
        }
    },
};
