import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { databaseFlagsOf } from "../cloudsql.js";

/** Flags that must be explicitly on: what an incident review reads first. */
const REQUIRED_ON = ["log_checkpoints", "log_connections", "log_disconnections", "log_lock_waits"] as const;

/** Statement classes whose logging records schema changes at least. */
const STATEMENT_LEVELS = ["ddl", "mod", "all"];

/** Profiling flags: on, they write a report per statement (log volume, and query text in the logs). */
const PROFILING_OFF = ["log_executor_stats", "log_parser_stats", "log_planner_stats", "log_statement_stats"] as const;

/** log_min_error_statement levels that log the text of every statement failing with an ERROR (or worse). */
const ERROR_STATEMENT_LEVELS = ["debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error"];

/** The severities PostgreSQL accepts for log_min_messages. */
const MIN_MESSAGES = ["fatal", "panic", "log", "error", "warning", "notice", "info", "debug1", "debug2", "debug3", "debug4", "debug5"];

/**
 * Cloud SQL for PostgreSQL logs what an incident review needs, and no profiling noise (CIS GCP
 * 6.2): `log_checkpoints`, `log_connections`, `log_disconnections` and `log_lock_waits` set to
 * `on` (Checkov wants them explicit, so unset fails), `log_statement` `ddl`, `mod` or `all` (who
 * changed the schema), `log_min_error_statement` at `error` or lower (the failing statement's text),
 * `cloudsql.enable_pgaudit` on (pgAudit: who granted what), a valid `log_min_messages` when set,
 * and none of the per-statement statistics flags on. Other engines are not applicable.
 */
export const cloudsqlPostgresLogging: ResourceValidationPolicy = {
    name: "gcp-cloudsql-postgres-logging",
    description: "Cloud SQL for PostgreSQL logs connections, checkpoints, lock waits and DDL, and no per-statement statistics.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_GCP_51: "Ensure PostgreSQL database 'log_checkpoints' flag is set to 'on'",
        CKV_GCP_52: "Ensure PostgreSQL database 'log_connections' flag is set to 'on'",
        CKV_GCP_53: "Ensure PostgreSQL database 'log_disconnections' flag is set to 'on'",
        CKV_GCP_54: "Ensure PostgreSQL database 'log_lock_waits' flag is set to 'on'",
        CKV_GCP_55: "Ensure PostgreSQL database 'log_min_messages' flag is set to a valid value",
        CKV_GCP_111: "Ensure GCP PostgreSQL logs SQL statements",
        CKV_GCP_109: "Ensure the GCP PostgreSQL database log levels are set to ERROR or lower",
        CKV_GCP_110: "Ensure pgAudit is enabled for your GCP PostgreSQL database",
        CKV2_GCP_14: "Ensure PostgreSQL database flag 'log_executor_stats' is set to 'off'",
        CKV2_GCP_15: "Ensure PostgreSQL database flag 'log_parser_stats' is set to 'off'",
        CKV2_GCP_16: "Ensure PostgreSQL database flag 'log_planner_stats' is set to 'off'",
        CKV2_GCP_17: "Ensure PostgreSQL database flag 'log_statement_stats' is set to 'off'",
    }),
    remediationSteps:
        'Set settings.databaseFlags log_checkpoints, log_connections, log_disconnections, log_lock_waits and cloudsql.enable_pgaudit to "on", log_statement to "ddl" and log_min_error_statement to "error" (the platform\'s Postgres component does); leave log_min_messages unset or a valid level, and the *_stats flags off.',
    url: "https://cloud.google.com/sql/docs/postgres/flags",
    validateResource: validateResourceOfTypes([GCP_TYPES.sqlDatabaseInstance], (props, args, reportViolation) => {
        if (!(asString(props["databaseVersion"]) ?? "").includes("POSTGRES")) args.notApplicable("not a PostgreSQL instance");
        const flags = databaseFlagsOf(props);
        const fix = "set it in settings.databaseFlags.";
        for (const name of REQUIRED_ON) {
            if (flags.get(name) !== "on") {
                reportViolation(`Cloud SQL instance ${args.name} does not set ${name} to "on" (${flags.get(name) ?? "unset"}); ${fix}`);
            }
        }
        const statement = flags.get("log_statement");
        if (statement === undefined || !STATEMENT_LEVELS.includes(statement)) {
            reportViolation(
                `Cloud SQL instance ${args.name} does not log schema changes (log_statement ${statement ?? "unset"}); set log_statement to "ddl" in settings.databaseFlags.`,
            );
        }
        const errorStatement = flags.get("log_min_error_statement");
        if (errorStatement === undefined || !ERROR_STATEMENT_LEVELS.includes(errorStatement)) {
            reportViolation(
                `Cloud SQL instance ${args.name} does not log failing statements (log_min_error_statement ${errorStatement ?? "unset"}); set it to "error" in settings.databaseFlags.`,
            );
        }
        if (flags.get("cloudsql.enable_pgaudit") !== "on") {
            reportViolation(
                `Cloud SQL instance ${args.name} does not enable pgAudit (cloudsql.enable_pgaudit ${flags.get("cloudsql.enable_pgaudit") ?? "unset"}); set it to "on" with pgaudit.log "ddl,role".`,
            );
        }
        const minMessages = flags.get("log_min_messages");
        if (minMessages !== undefined && !MIN_MESSAGES.includes(minMessages)) {
            reportViolation(
                `Cloud SQL instance ${args.name} sets log_min_messages to "${minMessages}", not a PostgreSQL level; use "warning" or "error".`,
            );
        }
        for (const name of PROFILING_OFF) {
            if (flags.get(name) === "on") {
                reportViolation(
                    `Cloud SQL instance ${args.name} turns ${name} on (a statistics report per statement); remove the flag or set it to "off".`,
                );
            }
        }
    }),
};
