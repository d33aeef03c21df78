import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { monitoringChannelSecrets } from "../../src/policies/monitoring-channel-secrets.js";
import { runPolicy, violation } from "./data-fixtures.js";

const CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";

describe("gcp-monitoring-channel-secrets", () => {
    it("passes email channels and credentials in sensitiveLabels; flags each credential in labels", async () => {
        const s = new StackFixture();
        s.custom(CHANNEL, "email", { type: "email", labels: { email_address: "oncall@example.com" } });
        s.custom(CHANNEL, "slack-ok", { type: "slack", labels: { channel_name: "#ops" }, sensitiveLabels: { authToken: "[secret]" } });
        s.custom(CHANNEL, "unset", { type: "email" });
        const slack = s.custom(CHANNEL, "slack", { type: "slack", labels: { channel_name: "#ops", auth_token: "xoxb-1" } });
        const both = s.custom(CHANNEL, "both", { type: "webhook_basicauth", labels: { service_key: "k", password: "p" } });
        const v = (urn: string, name: string, key: string) =>
            violation(
                monitoringChannelSecrets,
                urn,
                `Notification channel ${name} has the credential ${key} in labels (in clear); set it in sensitiveLabels.`,
            );
        assert.deepEqual(await runPolicy(monitoringChannelSecrets, s), [
            v(slack.urn, "slack", "auth_token"),
            v(both.urn, "both", "service_key"),
            v(both.urn, "both", "password"),
        ]);
    });
});
