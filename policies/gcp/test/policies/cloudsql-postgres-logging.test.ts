import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { cloudsqlPostgresLogging } from "../../src/policies/cloudsql-postgres-logging.js";
import { runPolicy, violation } from "./data-fixtures.js";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const LOGGED = [
    { name: "log_checkpoints", value: "on" },
    { name: "log_connections", value: "on" },
    { name: "log_disconnections", value: "on" },
    { name: "log_lock_waits", value: "on" },
    { name: "log_statement", value: "ddl" },
    { name: "log_min_error_statement", value: "error" },
    { name: "cloudsql.enable_pgaudit", value: "on" },
];
const postgres = (flags: Array<{ name: string; value: string }>) => ({
    databaseVersion: "POSTGRES_17",
    settings: { databaseFlags: flags },
});
const v = (urn: string, detail: string) => violation(cloudsqlPostgresLogging, urn, detail);
const notOn = (name: string, flag: string, value = "unset") =>
    `Cloud SQL instance ${name} does not set ${flag} to "on" (${value}); set it in settings.databaseFlags.`;

describe("gcp-cloudsql-postgres-logging", () => {
    it("passes a PostgreSQL instance logging connections, checkpoints, lock waits and DDL (mod and all too), a valid log_min_messages, statistics off; MySQL is not applicable", async () => {
        const s = new StackFixture();
        s.custom(SQL, "ok", postgres(LOGGED));
        s.custom(
            SQL,
            "mod",
            postgres([
                ...LOGGED.filter((f) => f.name !== "log_statement"),
                { name: "log_statement", value: "mod" },
                { name: "log_min_messages", value: "error" },
            ]),
        );
        s.custom(SQL, "stats-off", postgres([...LOGGED, { name: "log_executor_stats", value: "off" }]));
        s.custom(SQL, "mysql", { databaseVersion: "MYSQL_8_0", settings: {} });
        assert.deepEqual(await runPolicy(cloudsqlPostgresLogging, s), []);
    });

    it("flags each required flag off, statements not logged, failing statements not logged and pgAudit off, an invalid log_min_messages and each statistics flag on", async () => {
        const s = new StackFixture();
        const off = s.custom(SQL, "off", postgres([{ name: "log_connections", value: "off" }, ...LOGGED.slice(2)]));
        const none = s.custom(
            SQL,
            "none",
            postgres([...LOGGED.filter((f) => f.name !== "log_statement"), { name: "log_statement", value: "none" }]),
        );
        const quiet = s.custom(
            SQL,
            "quiet",
            postgres([
                ...LOGGED.filter((f) => !["log_min_error_statement", "cloudsql.enable_pgaudit"].includes(f.name)),
                { name: "log_min_error_statement", value: "log" },
                { name: "cloudsql.enable_pgaudit", value: "off" },
            ]),
        );
        const badLevel = s.custom(SQL, "bad-level", postgres([...LOGGED, { name: "log_min_messages", value: "verbose" }]));
        const stats = s.custom(
            SQL,
            "stats",
            postgres([
                ...LOGGED,
                { name: "log_executor_stats", value: "on" },
                { name: "log_parser_stats", value: "on" },
                { name: "log_planner_stats", value: "on" },
                { name: "log_statement_stats", value: "on" },
            ]),
        );
        const stat = (flag: string) =>
            `Cloud SQL instance stats turns ${flag} on (a statistics report per statement); remove the flag or set it to "off".`;
        assert.deepEqual(await runPolicy(cloudsqlPostgresLogging, s), [
            v(off.urn, notOn("off", "log_checkpoints")),
            v(off.urn, notOn("off", "log_connections", "off")),
            v(
                none.urn,
                'Cloud SQL instance none does not log schema changes (log_statement none); set log_statement to "ddl" in settings.databaseFlags.',
            ),
            v(
                quiet.urn,
                'Cloud SQL instance quiet does not log failing statements (log_min_error_statement log); set it to "error" in settings.databaseFlags.',
            ),
            v(
                quiet.urn,
                'Cloud SQL instance quiet does not enable pgAudit (cloudsql.enable_pgaudit off); set it to "on" with pgaudit.log "ddl,role".',
            ),
            v(
                badLevel.urn,
                'Cloud SQL instance bad-level sets log_min_messages to "verbose", not a PostgreSQL level; use "warning" or "error".',
            ),
            v(stats.urn, stat("log_executor_stats")),
            v(stats.urn, stat("log_parser_stats")),
            v(stats.urn, stat("log_planner_stats")),
            v(stats.urn, stat("log_statement_stats")),
        ]);
    });

    it("flags a PostgreSQL instance with no flags (or no settings) at all: Checkov wants them explicit", async () => {
        const s = new StackFixture();
        const unset = s.custom(SQL, "unset", { databaseVersion: "POSTGRES_17" });
        assert.deepEqual(await runPolicy(cloudsqlPostgresLogging, s), [
            v(unset.urn, notOn("unset", "log_checkpoints")),
            v(unset.urn, notOn("unset", "log_connections")),
            v(unset.urn, notOn("unset", "log_disconnections")),
            v(unset.urn, notOn("unset", "log_lock_waits")),
            v(
                unset.urn,
                'Cloud SQL instance unset does not log schema changes (log_statement unset); set log_statement to "ddl" in settings.databaseFlags.',
            ),
            v(
                unset.urn,
                'Cloud SQL instance unset does not log failing statements (log_min_error_statement unset); set it to "error" in settings.databaseFlags.',
            ),
            v(
                unset.urn,
                'Cloud SQL instance unset does not enable pgAudit (cloudsql.enable_pgaudit unset); set it to "on" with pgaudit.log "ddl,role".',
            ),
        ]);
    });
});
