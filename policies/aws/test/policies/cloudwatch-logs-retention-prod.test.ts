import * as assert from "node:assert/strict";
import { cloudwatchLogsRetentionProd } from "../../src/policies/cloudwatch-logs-retention-prod.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describe("aws-cloudwatch-logs-retention-prod", () => {
    it("passes 90 days and more in prod, anything finite outside production, and leaves never-expire and unset to the other policy", async () => {
        const prod = environmentStack("prod");
        prod.add(LOG_GROUP, "eks", { retentionInDays: 90 });
        prod.add(LOG_GROUP, "flow", { retentionInDays: 365 });
        prod.add(LOG_GROUP, "forever", { retentionInDays: 0 });
        prod.add(LOG_GROUP, "unset", {});
        assert.deepEqual(await runPolicy(cloudwatchLogsRetentionProd, prod.s), []);
        const dev = environmentStack("dev");
        dev.add(LOG_GROUP, "short", { retentionInDays: 1 });
        assert.deepEqual(await runPolicy(cloudwatchLogsRetentionProd, dev.s), []);
    });

    it("flags fewer than 90 days in prod and in dr", async () => {
        const prod = environmentStack("prod");
        const month = prod.add(LOG_GROUP, "month", { retentionInDays: 30 });
        assert.deepEqual(await runPolicy(cloudwatchLogsRetentionProd, prod.s), [
            violation(
                cloudwatchLogsRetentionProd,
                month.urn,
                `log group month-id (${month.urn}) keeps logs 30 day(s) in prod; set retentionInDays to at least 90.`,
            ),
        ]);
        const dr = environmentStack("dr");
        const week = dr.add(LOG_GROUP, "week", { retentionInDays: 7 });
        assert.deepEqual(await runPolicy(cloudwatchLogsRetentionProd, dr.s), [
            violation(
                cloudwatchLogsRetentionProd,
                week.urn,
                `log group week-id (${week.urn}) keeps logs 7 day(s) in dr; set retentionInDays to at least 90.`,
            ),
        ]);
    });
});
