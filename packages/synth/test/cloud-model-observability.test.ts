import * as assert from "node:assert/strict";
import { replacesOnChange, simulateResource } from "../src/index.js";

const sim = (type: string, name: string, inputs: Record<string, unknown>) => simulateResource({ type, name, inputs });

describe("simulated cloud: the observability layer's types", () => {
    it("an SNS topic: its ARN as id and arn", () => {
        const topic = sim("aws:sns/topic:Topic", "alarms-topic", { name: "acme-prod-alarms-topic", kmsMasterKeyId: "k" });
        assert.equal(topic.id, "arn:aws:sns:us-east-1:111111111111:acme-prod-alarms-topic");
        assert.deepEqual(topic.state, {
            name: "acme-prod-alarms-topic",
            kmsMasterKeyId: "k",
            arn: "arn:aws:sns:us-east-1:111111111111:acme-prod-alarms-topic",
            owner: "111111111111",
        });
    });

    it("a metric alarm: its name as id; an AWS budget: <account>:<name>", () => {
        const alarm = sim("aws:cloudwatch/metricAlarm:MetricAlarm", "a", { name: "acme-prod-alarms-rds-cpu" });
        assert.equal(alarm.id, "acme-prod-alarms-rds-cpu");
        assert.equal(alarm.state["arn"], "arn:aws:cloudwatch:us-east-1:111111111111:alarm:acme-prod-alarms-rds-cpu");
        const budget = sim("aws:budgets/budget:Budget", "b", { name: "acme-prod-budget-monthly" });
        assert.equal(budget.id, "111111111111:acme-prod-budget-monthly");
        assert.equal(budget.state["arn"], "arn:aws:budgets::111111111111:budget/acme-prod-budget-monthly");
    });

    it("Cloud Monitoring channels, policies and uptime checks: numeric or derived ids under the project", () => {
        const channel = sim("gcp:monitoring/notificationChannel:NotificationChannel", "ops", { type: "email", project: "p" });
        assert.match(channel.id, /^projects\/p\/notificationChannels\/\d+$/);
        assert.equal(channel.state["name"], channel.id);
        const policy = sim("gcp:monitoring/alertPolicy:AlertPolicy", "cpu", { conditions: [{ displayName: "cpu" }] });
        assert.match(policy.id, /^projects\/simulated-project\/alertPolicies\/\d+$/);
        const conditions = policy.state["conditions"] as Array<Record<string, unknown>>;
        assert.equal(conditions[0]?.["displayName"], "cpu");
        assert.match(String(conditions[0]?.["name"]), new RegExp(`^${policy.id}/conditions/\\d+$`));
        const uptime = sim("gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "u", { displayName: "Public endpoint", project: "p" });
        assert.match(uptime.id, /^projects\/p\/uptimeCheckConfigs\/public-endpoint-[0-9a-f]{8}$/);
        assert.equal(uptime.state["uptimeCheckId"], uptime.id.split("/")[3]);
        const budget = sim("gcp:billing/budget:Budget", "b", { billingAccount: "012345-6789AB-CDEF01" });
        assert.match(
            budget.id,
            /^billingAccounts\/012345-6789AB-CDEF01\/budgets\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        );
    });

    it("what replaces them", () => {
        assert.equal(replacesOnChange("aws:sns/topic:Topic", "kmsMasterKeyId"), false);
        assert.equal(replacesOnChange("aws:sns/topic:Topic", "name"), true);
        assert.equal(replacesOnChange("aws:cloudwatch/metricAlarm:MetricAlarm", "threshold"), false);
        assert.equal(replacesOnChange("aws:cloudwatch/metricAlarm:MetricAlarm", "name"), true);
        assert.equal(replacesOnChange("aws:budgets/budget:Budget", "limitAmount"), false);
        assert.equal(replacesOnChange("gcp:monitoring/alertPolicy:AlertPolicy", "conditions"), false);
        assert.equal(replacesOnChange("gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "monitoredResource"), true);
        assert.equal(replacesOnChange("gcp:billing/budget:Budget", "billingAccount"), true);
        assert.equal(replacesOnChange("gcp:billing/budget:Budget", "amount"), false);
    });
});
