/** The Cloud SQL for PostgreSQL settings as pure functions: database flags, windows, backups. */
import type { PostgresMajorVersion } from "./types.js";

export interface DatabaseFlag {
    readonly name: string;
    readonly value: string;
}

/**
 * Database flags: IAM database authentication, and the same logging as on RDS (connections and
 * disconnections, DDL, statements over one second, lock waits, temporary files over 10 MB,
 * checkpoints); the text of statements that fail with an error (log_min_error_statement), and
 * pgAudit for DDL and role changes (who granted what: the audit trail plain logs do not give;
 * `CREATE EXTENSION pgaudit` in the database turns it on).
 */
export function cloudSqlFlags(): DatabaseFlag[] {
    return [
        { name: "cloudsql.iam_authentication", value: "on" },
        { name: "log_connections", value: "on" },
        { name: "log_disconnections", value: "on" },
        { name: "log_statement", value: "ddl" },
        { name: "log_min_duration_statement", value: "1000" },
        { name: "log_lock_waits", value: "on" },
        { name: "log_temp_files", value: "10240" },
        { name: "log_checkpoints", value: "on" },
        { name: "log_min_error_statement", value: "error" },
        { name: "cloudsql.enable_pgaudit", value: "on" },
        { name: "pgaudit.log", value: "ddl,role" },
    ];
}

export function cloudSqlDatabaseVersion(majorVersion: PostgresMajorVersion): string {
    return `POSTGRES_${majorVersion}`;
}

/** The longest point-in-time recovery window the Enterprise edition keeps transaction logs for (seed 002: 7 days). */
export const MAX_TRANSACTION_LOG_RETENTION_DAYS = 7;

/** Backups at 00:00 UTC, like RDS; maintenance on Sunday 04:00 UTC, on the stable update track. */
export const CLOUD_SQL_BACKUP_START = "00:00";
export const CLOUD_SQL_MAINTENANCE_WINDOW = { day: 7, hour: 4, updateTrack: "stable" } as const;

/**
 * The backup configuration: daily backups kept `retentionDays` (a count of daily backups), and
 * transaction logs for point-in-time recovery kept as long as the edition allows within that.
 */
export function cloudSqlBackupConfiguration(retentionDays: number, pointInTimeRecovery: boolean) {
    return {
        enabled: true,
        startTime: CLOUD_SQL_BACKUP_START,
        pointInTimeRecoveryEnabled: pointInTimeRecovery,
        transactionLogRetentionDays: Math.min(retentionDays, MAX_TRANSACTION_LOG_RETENTION_DAYS),
        backupRetentionSettings: { retainedBackups: retentionDays, retentionUnit: "COUNT" },
    };
}

/** Query Insights: plans and application tags recorded, client addresses not (they identify people). */
export const CLOUD_SQL_INSIGHTS = {
    queryInsightsEnabled: true,
    queryStringLength: 1024,
    queryPlansPerMinute: 5,
    recordApplicationTags: true,
    recordClientAddress: false,
} as const;
