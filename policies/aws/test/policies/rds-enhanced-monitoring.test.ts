import * as assert from "node:assert/strict";
import { rdsEnhancedMonitoring } from "../../src/policies/rds-enhanced-monitoring.js";
import { compliant, check } from "./rds-fixtures.js";

describe("aws-rds-enhanced-monitoring", () => {
    it("passes an interval with a role; flags unset, 0 and a missing role", async () => {
        const { run, v } = check(rdsEnhancedMonitoring, {
            ok: compliant,
            unset: {},
            zero: { monitoringInterval: 0, monitoringRoleArn: "arn:aws:iam::1:role/x" },
            norole: { monitoringInterval: 15 },
        });
        assert.deepEqual(await run, [
            v(
                "unset",
                "RDS instance unset has no enhanced monitoring (monitoringInterval 0); set monitoringInterval (e.g. 60) and monitoringRoleArn.",
            ),
            v(
                "zero",
                "RDS instance zero has no enhanced monitoring (monitoringInterval 0); set monitoringInterval (e.g. 60) and monitoringRoleArn.",
            ),
            v("norole", "RDS instance norole sets monitoringInterval but no monitoringRoleArn; set the monitoring role."),
        ]);
    });
});
