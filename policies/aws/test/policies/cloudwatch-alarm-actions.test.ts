import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { cloudwatchAlarmActions } from "../../src/policies/cloudwatch-alarm-actions.js";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "arn:aws:sns:us-east-1:111111111111:acme-prod-alarms-topic";

describe("aws-cloudwatch-alarm-actions", () => {
    it("passes enabled (or unset) actions with a target; flags disabled actions and missing or empty alarmActions", async () => {
        const s = new StackFixture();
        s.custom(ALARM, "enabled", { actionsEnabled: true, alarmActions: [TOPIC] });
        s.custom(ALARM, "default", { alarmActions: [TOPIC] });
        const disabled = s.custom(ALARM, "disabled", { actionsEnabled: false, alarmActions: [TOPIC] });
        const empty = s.custom(ALARM, "empty", { alarmActions: [] });
        const unset = s.custom(ALARM, "unset", {});
        const v = (urn: string, detail: string) => expectedViolation(packName, cloudwatchAlarmActions, urn, detail);
        const none = (name: string) => `CloudWatch alarm ${name} has no alarmActions; notify the layer's alarm topic.`;
        assert.deepEqual(await evaluatePack({ name: packName, policies: [cloudwatchAlarmActions] }, s.build()), [
            v(disabled.urn, "CloudWatch alarm disabled has its actions disabled; set actionsEnabled: true."),
            v(empty.urn, none("empty")),
            v(unset.urn, none("unset")),
        ]);
    });
});
