import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { rdsPostgresQueryLogging } from "../../src/policies/rds-postgres-query-logging.js";
import { database, INSTANCE } from "./rds-fixtures.js";

const LOGGING = [
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: "1000" },
];

describe("aws-rds-postgres-query-logging", () => {
    const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [rdsPostgresQueryLogging] }, s.build());
    const v = (urn: string, detail: string) => expectedViolation(packName, rdsPostgresQueryLogging, urn, detail);
    const FIX = 'set log_statement "ddl" and log_min_duration_statement in its parameter group.';

    it("passes a PostgreSQL instance whose group logs DDL and slow statements; other engines are not applicable", async () => {
        const s = new StackFixture();
        database(s, "pg", "postgres", "postgres17", LOGGING);
        database(s, "my", "mysql", "mysql8.0", []);
        assert.deepEqual(await run(s), []);
    });

    it("flags the default group, statements not logged, slow-statement logging off (-1)", async () => {
        const s = new StackFixture();
        const unset = s.custom(INSTANCE, "default-group", { engine: "postgres" }, { id: "default-group" });
        const none = database(s, "none", "postgres", "postgres17", [{ name: "log_statement", value: "none" }, LOGGING[1]]);
        const slowOff = database(s, "slow-off", "postgres", "postgres17", [
            LOGGING[0],
            { name: "log_min_duration_statement", value: "-1" },
        ]);
        assert.deepEqual(await run(s), [
            v(unset.urn, `PostgreSQL RDS default-group (${unset.urn}) does not log queries (no parameter group of its own); ${FIX}`),
            v(
                none.urn,
                `PostgreSQL RDS none (${none.urn}) does not log queries (log_statement (none) unset or off in none-params); ${FIX}`,
            ),
            v(
                slowOff.urn,
                `PostgreSQL RDS slow-off (${slowOff.urn}) does not log queries (log_min_duration_statement unset or off in slow-off-params); ${FIX}`,
            ),
        ]);
    });
});
