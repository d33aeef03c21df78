/**
 * The RDS for PostgreSQL settings as pure functions: the parameter group, the windows, the log
 * groups RDS writes to. The component turns them into resources; tests check them exactly.
 */
import type { PostgresMajorVersion } from "./types.js";

export interface DbParameter {
    readonly name: string;
    readonly value: string;
    /** `immediate` for dynamic parameters; static ones wait for a reboot. */
    readonly applyMethod: "immediate" | "pending-reboot";
}

/**
 * The parameter group: TLS required for every connection (`rds.force_ssl`), and logging that
 * answers "who connected, what changed the schema, what was slow, what waited":
 * connections and disconnections, DDL statements, statements over one second, lock waits over
 * `deadlock_timeout`, temporary files over 10 MB and autovacuum runs over 10 seconds.
 */
export function rdsParameters(): DbParameter[] {
    return [
        { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
        { name: "log_connections", value: "1", applyMethod: "immediate" },
        { name: "log_disconnections", value: "1", applyMethod: "immediate" },
        { name: "log_statement", value: "ddl", applyMethod: "immediate" },
        { name: "log_min_duration_statement", value: "1000", applyMethod: "immediate" },
        { name: "log_lock_waits", value: "1", applyMethod: "immediate" },
        { name: "log_temp_files", value: "10240", applyMethod: "immediate" },
        { name: "log_autovacuum_min_duration", value: "10000", applyMethod: "immediate" },
    ];
}

/** The parameter group family of a major version (`postgres17`). */
export function rdsParameterFamily(majorVersion: PostgresMajorVersion): string {
    return `postgres${majorVersion}`;
}

/** Logs RDS exports to CloudWatch Logs: the server log and the upgrade log. */
export const RDS_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/** The log group RDS writes an export of an instance to. */
export function rdsLogGroupName(identifier: string, log: (typeof RDS_LOG_EXPORTS)[number]): string {
    return `/aws/rds/instance/${identifier}/${log}`;
}

/**
 * Daily automated backups run at 00:00-01:00 UTC, before AWS Backup's 02:00 job and apart from
 * the weekly maintenance window (Sunday 04:00-05:00 UTC), as RDS requires.
 */
export const RDS_BACKUP_WINDOW = "00:00-01:00";
export const RDS_MAINTENANCE_WINDOW = "sun:04:00-sun:05:00";

/** Enhanced monitoring granularities RDS accepts, in seconds. */
export const MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60] as const;

/** The CA every RDS certificate chains to (RSA 2048, valid to 2061). */
export const RDS_CA_CERTIFICATE = "rds-ca-rsa2048-g1";
