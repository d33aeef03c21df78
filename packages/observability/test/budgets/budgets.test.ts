import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsBudget, type AwsBudgetArgs, GcpBudget, type GcpBudgetArgs } from "../../src/index.js";

const RECIPIENTS = ["finops@acme.example.com", "oncall@acme.example.com"];

function runAws(extra: Partial<AwsBudgetArgs> = {}) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const b = new AwsBudget("budget", {
                naming: { project: "acme", environment: "prod" },
                monthlyLimitUsd: 15000,
                recipients: RECIPIENTS,
                ...extra,
            });
            return { budgetName: b.budgetName };
        },
    });
}

function runGcp(extra: Partial<GcpBudgetArgs> = {}) {
    return synthesize({
        project: "t",
        stack: "dr",
        program: () => {
            const b = new GcpBudget("budget", {
                naming: { project: "acme", environment: "dr" },
                billingAccount: "012345-6789AB-CDEF01",
                project: "acme-dr-prod",
                monthlyLimitUsd: 2500.5,
                recipients: RECIPIENTS,
                ...extra,
            });
            return { budgetName: b.budgetName };
        },
    });
}

describe("AwsBudget", () => {
    it("one monthly cost budget on the environment's tag, alerting every recipient at 50, 80 and 100 percent", async () => {
        const { resources, outputs } = await runAws();
        assert.deepEqual(countByType(resources), [
            { type: "aws:budgets/budget:Budget", count: 1 },
            { type: "platform:observability:AwsBudget", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        const notification = (threshold: number, notificationType: string) => ({
            comparisonOperator: "GREATER_THAN",
            threshold,
            thresholdType: "PERCENTAGE",
            notificationType,
            subscriberEmailAddresses: RECIPIENTS,
        });
        assert.deepEqual(findResource(resources, "aws:budgets/budget:Budget", "budget-monthly").inputs, {
            name: "acme-prod-budget-monthly",
            budgetType: "COST",
            limitAmount: "15000.00",
            limitUnit: "USD",
            timeUnit: "MONTHLY",
            costFilters: [{ name: "TagKeyValue", values: ["user:environment$prod"] }],
            notifications: [
                notification(50, "ACTUAL"),
                notification(80, "ACTUAL"),
                notification(100, "FORECASTED"),
                notification(100, "ACTUAL"),
            ],
        });
        assert.equal(outputs["budgetName"], "acme-prod-budget-monthly");
    });

    it("rejects a zero limit and too many recipients", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(runAws({ monthlyLimitUsd: 0, recipients: Array.from({ length: 11 }, (_, i) => `p${i}@example.com`) })),
            ),
            [
                ["monthlyLimitUsd", "must be more than 0"],
                ["recipients", "must list 1 to 10 addresses"],
            ],
        );
    });
});

describe("GcpBudget", () => {
    it("a billing budget on the project's number, thresholds on current and forecasted spend, an email channel per recipient", async () => {
        const { resources } = await runGcp();
        assert.deepEqual(countByType(resources), [
            { type: "gcp:billing/budget:Budget", count: 1 },
            { type: "gcp:monitoring/notificationChannel:NotificationChannel", count: 2 },
            { type: "platform:observability:GcpBudget", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        const channels = ofType(resources, "gcp:monitoring/notificationChannel:NotificationChannel");
        assert.deepEqual(
            channels.map((c) => c.inputs["labels"]),
            RECIPIENTS.map((email_address) => ({ email_address })),
        );
        const inputs = findResource(resources, "gcp:billing/budget:Budget", "budget-monthly").inputs;
        assert.deepEqual(inputs, {
            billingAccount: "012345-6789AB-CDEF01",
            displayName: "acme-dr-budget-monthly",
            budgetFilter: { projects: ["projects/123456789012"], creditTypesTreatment: "INCLUDE_ALL_CREDITS" },
            amount: { specifiedAmount: { currencyCode: "USD", units: "2500", nanos: 500_000_000 } },
            thresholdRules: [
                { thresholdPercent: 0.5, spendBasis: "CURRENT_SPEND" },
                { thresholdPercent: 0.8, spendBasis: "CURRENT_SPEND" },
                { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" },
                { thresholdPercent: 1, spendBasis: "CURRENT_SPEND" },
            ],
            allUpdatesRule: { monitoringNotificationChannels: channels.map((c) => c.id), disableDefaultIamRecipients: false },
        });
    });

    it("rejects more recipients than a budget can notify", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(runGcp({ recipients: Array.from({ length: 6 }, (_, i) => `p${i}@example.com`) }))),
            [["recipients", "must list 1 to 5 addresses"]],
        );
    });
});
