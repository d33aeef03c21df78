import * as assert from "node:assert/strict";
import { rdsPerformanceInsights } from "../../src/policies/rds-performance-insights.js";
import { compliant, check } from "./rds-fixtures.js";

describe("aws-rds-performance-insights", () => {
    it("passes Performance Insights with a customer key; flags off, unset and the AWS-managed key", async () => {
        const { run, v } = check(rdsPerformanceInsights, {
            ok: compliant,
            off: { performanceInsightsEnabled: false },
            unset: {},
            managed: { performanceInsightsEnabled: true },
        });
        assert.deepEqual(await run, [
            v(
                "off",
                "RDS instance off sets performanceInsightsEnabled: false; set it to true with a customer-managed performanceInsightsKmsKeyId.",
            ),
            v(
                "unset",
                "RDS instance unset does not set performanceInsightsEnabled; set it to true with a customer-managed performanceInsightsKmsKeyId.",
            ),
            v(
                "managed",
                "RDS instance managed encrypts Performance Insights with the AWS-managed key; set performanceInsightsKmsKeyId to a customer-managed key.",
            ),
        ]);
    });
});
