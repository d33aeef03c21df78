import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { monitoringAlertNotifies } from "../../src/policies/monitoring-alert-notifies.js";
import { runPolicy, violation } from "./data-fixtures.js";

const POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
const CHANNEL = "projects/p/notificationChannels/123";

describe("gcp-monitoring-alert-notifies", () => {
    it("passes enabled (or unset) policies with channels; flags disabled ones and missing or empty channels", async () => {
        const s = new StackFixture();
        s.custom(POLICY, "ok", { enabled: true, notificationChannels: [CHANNEL] });
        s.custom(POLICY, "default", { notificationChannels: [CHANNEL] });
        const disabled = s.custom(POLICY, "disabled", { enabled: false, notificationChannels: [CHANNEL] });
        const empty = s.custom(POLICY, "empty", { notificationChannels: [] });
        const unset = s.custom(POLICY, "unset", {});
        s.custom("gcp:redis/instance:Instance", "not-a-policy", {});
        const none = (name: string) => `Alert policy ${name} has no notificationChannels; notify the environment's channels.`;
        assert.deepEqual(await runPolicy(monitoringAlertNotifies, s), [
            violation(monitoringAlertNotifies, disabled.urn, "Alert policy disabled is disabled; set enabled: true."),
            violation(monitoringAlertNotifies, empty.urn, none("empty")),
            violation(monitoringAlertNotifies, unset.urn, none("unset")),
        ]);
    });
});
