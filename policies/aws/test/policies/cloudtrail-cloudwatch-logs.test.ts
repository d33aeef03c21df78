import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { cloudtrailCloudwatchLogs } from "../../src/policies/cloudtrail-cloudwatch-logs.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [cloudtrailCloudwatchLogs] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, cloudtrailCloudwatchLogs, urn, detail);
const TRAIL = "aws:cloudtrail/trail:Trail";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const GROUP_ARN = "arn:aws:logs:us-east-1:111111111111:log-group:/platform/trail/events";
const ROLE_ARN = "arn:aws:iam::111111111111:role/trail-events";
const FIX = "send the events to a log group of the stack.";
const trailInputs = { s3BucketName: "b", isMultiRegionTrail: true };

describe("aws-cloudtrail-cloudwatch-logs", () => {
    it("passes a trail delivering to a log group of the stack, by property dependency or by the group's ARN (with or without :*)", async () => {
        const s = new StackFixture();
        const group = s.custom(GROUP, "events", { retentionInDays: 90 }, { outputs: { arn: GROUP_ARN } });
        s.custom(
            TRAIL,
            "by-dependency",
            { ...trailInputs, cloudWatchLogsGroupArn: "computed", cloudWatchLogsRoleArn: ROLE_ARN },
            { propertyDependencies: { cloudWatchLogsGroupArn: [group] } },
        );
        s.custom(TRAIL, "by-arn", { ...trailInputs, cloudWatchLogsGroupArn: `${GROUP_ARN}:*`, cloudWatchLogsRoleArn: ROLE_ARN });
        s.custom(TRAIL, "bare-arn", { ...trailInputs, cloudWatchLogsGroupArn: GROUP_ARN, cloudWatchLogsRoleArn: ROLE_ARN });
        assert.deepEqual(await run(s), []);
    });

    it("flags a trail without a log group (property dependency or not) or role, and one naming a group of another stack", async () => {
        const s = new StackFixture();
        s.custom(GROUP, "events", {}, { outputs: { arn: GROUP_ARN } });
        const group = s.custom(GROUP, "other-events", {}, { outputs: { arn: `${GROUP_ARN}2` } });
        const unset = s.custom(TRAIL, "unset", trailInputs);
        // A property dependency on a group does not stand in for the value.
        const cleared = s.custom(
            TRAIL,
            "cleared",
            { ...trailInputs, cloudWatchLogsRoleArn: ROLE_ARN },
            { propertyDependencies: { cloudWatchLogsGroupArn: [group] } },
        );
        const elsewhere = s.custom(TRAIL, "elsewhere", {
            ...trailInputs,
            cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:111111111111:log-group:other:*",
            cloudWatchLogsRoleArn: ROLE_ARN,
        });
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                `CloudTrail trail unset-id (${unset.urn}) delivers no events to CloudWatch Logs (cloudWatchLogsGroupArn unset); ${FIX}`,
            ),
            v(
                unset.urn,
                `CloudTrail trail unset-id (${unset.urn}) has no role to write to CloudWatch Logs with (cloudWatchLogsRoleArn unset); ${FIX}`,
            ),
            v(
                cleared.urn,
                `CloudTrail trail cleared-id (${cleared.urn}) delivers no events to CloudWatch Logs (cloudWatchLogsGroupArn unset); ${FIX}`,
            ),
            v(
                elsewhere.urn,
                `CloudTrail trail elsewhere-id (${elsewhere.urn}) delivers its events to no log group of this stack (cloudWatchLogsGroupArn); ${FIX}`,
            ),
        ]);
    });
});
