import * as assert from "node:assert/strict";
import { rdsLogExports } from "../../src/policies/rds-log-exports.js";
import { compliant, check } from "./rds-fixtures.js";

describe("aws-rds-log-exports", () => {
    it("passes the engine's logs (postgres: postgresql and upgrade), and any export for an engine it does not know or a replica", async () => {
        const { run } = check(rdsLogExports, {
            pg: compliant,
            replica: { replicateSourceDb: "pg", enabledCloudwatchLogsExports: ["postgresql"] },
            oracle: { engine: "oracle-ee", enabledCloudwatchLogsExports: ["alert"] },
        });
        assert.deepEqual(await run, []);
    });

    it("flags no exports (unset and empty), with the engine's list, and a missing required log", async () => {
        const { run, v } = check(rdsLogExports, {
            unset: { engine: "postgres" },
            empty: { engine: "mysql", enabledCloudwatchLogsExports: [] },
            partial: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql"] },
            unknown: {},
        });
        assert.deepEqual(await run, [
            v("unset", 'RDS unset exports no logs to CloudWatch Logs; set enabledCloudwatchLogsExports to ["postgresql","upgrade"].'),
            v("empty", 'RDS empty exports no logs to CloudWatch Logs; set enabledCloudwatchLogsExports to ["error","slowquery"].'),
            v("partial", 'RDS partial (postgres) does not export upgrade; add ["upgrade"] to enabledCloudwatchLogsExports.'),
            v("unknown", "RDS unknown exports no logs to CloudWatch Logs; set enabledCloudwatchLogsExports."),
        ]);
    });
});
