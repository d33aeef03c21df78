import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { cloudwatchLogsRetentionKms } from "../../src/policies/cloudwatch-logs-retention-kms.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [cloudwatchLogsRetentionKms] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, cloudwatchLogsRetentionKms, urn, detail);
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY_ARN = "arn:aws:kms:us-east-1:111111111111:key/abc";

describe("aws-cloudwatch-logs-retention-kms", () => {
    it("passes with a retention and a KMS key", async () => {
        const s = new StackFixture();
        s.custom(LOG_GROUP, "flow-logs", { retentionInDays: 365, kmsKeyId: KEY_ARN });
        assert.deepEqual(await run(s), []);
    });

    it("flags retention 0 (never expire), retention unset, and a missing or empty KMS key, each on its own", async () => {
        const s = new StackFixture();
        const zero = s.custom(LOG_GROUP, "zero", { retentionInDays: 0, kmsKeyId: KEY_ARN });
        const noKey = s.custom(LOG_GROUP, "no-key", { retentionInDays: 30, kmsKeyId: "" });
        const bare = s.custom(LOG_GROUP, "bare", {});
        assert.deepEqual(await run(s), [
            v(zero.urn, "log group zero sets retentionInDays: 0, so its logs never expire; set retentionInDays (e.g. 365)."),
            v(
                noKey.urn,
                "log group no-key does not set kmsKeyId, so it is encrypted with an AWS-owned key; set kmsKeyId to a customer-managed KMS key ARN.",
            ),
            v(bare.urn, "log group bare does not set retentionInDays, so its logs never expire; set retentionInDays (e.g. 365)."),
            v(
                bare.urn,
                "log group bare does not set kmsKeyId, so it is encrypted with an AWS-owned key; set kmsKeyId to a customer-managed KMS key ARN.",
            ),
        ]);
    });
});
