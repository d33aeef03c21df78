/**
 * The environment's monthly GCP budget (seed 003): a Cloud Billing budget on the billing account,
 * scoped to the environment's project, alerting at the {@link BUDGET_THRESHOLDS}: the billing
 * account's administrators by default, and the recipients through email notification channels.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, fitName, type Issue, PlatformComponent } from "@platform/core";
import { BUDGET_THRESHOLDS, usdMoney, validateBudget } from "./budget-plan.js";

/** Cloud Billing budgets notify at most five monitoring channels. */
export const GCP_BUDGET_MAX_RECIPIENTS = 5;
/** Cloud Billing budget display names: at most 60 characters. */
export const GCP_BUDGET_NAME_MAX_LENGTH = 60;

export interface GcpBudgetArgs {
    /** Project and environment: the budget is `<project>-<env>-<name>-monthly`. */
    readonly naming: ComponentNaming;
    /** The billing account paying for the project (`platform:budget.billingAccount`). */
    readonly billingAccount: string;
    /** The environment's project: the budget counts its spend only, and the channels live there. */
    readonly project: string;
    /** US dollars per month (`platform:budget.monthlyLimitUsd`). */
    readonly monthlyLimitUsd: number;
    /** Addresses the alerts reach (at most 5, the service's limit of channels per budget). */
    readonly recipients: readonly string[];
}

export class GcpBudget extends PlatformComponent {
    readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: GcpBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:GcpBudget", name, args.naming, opts);
        this.validate(validateGcpBudgetArgs(args));
        const channels = args.recipients.map(
            (address, i) =>
                new gcp.monitoring.NotificationChannel(
                    this.childName(`email-${i + 1}`),
                    {
                        project: args.project,
                        type: "email",
                        displayName: `${this.physicalPrefix} budget ${address}`,
                        labels: { email_address: address },
                        enabled: true,
                    },
                    this.childOptions(),
                ),
        );
        // Budgets filter on project numbers, not ids.
        const projectNumber = gcp.organizations.getProjectOutput({ projectId: args.project }, { parent: this }).number;
        const budget = new gcp.billing.Budget(
            this.childName("monthly"),
            {
                billingAccount: args.billingAccount,
                displayName: fitName(`${this.physicalPrefix}-monthly`, GCP_BUDGET_NAME_MAX_LENGTH),
                budgetFilter: { projects: [pulumi.interpolate`projects/${projectNumber}`], creditTypesTreatment: "INCLUDE_ALL_CREDITS" },
                amount: { specifiedAmount: usdMoney(args.monthlyLimitUsd) },
                thresholdRules: BUDGET_THRESHOLDS.map((t) => ({
                    thresholdPercent: t.percent / 100,
                    spendBasis: t.basis === "actual" ? "CURRENT_SPEND" : "FORECASTED_SPEND",
                })),
                allUpdatesRule: {
                    monitoringNotificationChannels: channels.map((c) => c.name),
                    // The billing account's administrators hear about it too.
                    disableDefaultIamRecipients: false,
                },
            },
            this.childOptions(),
        );
        this.budgetName = budget.name;
        this.complete("budgetName");
    }
}

/** Every problem with GcpBudget's arguments. */
export function validateGcpBudgetArgs(args: GcpBudgetArgs): Issue[] {
    return validateBudget(args.monthlyLimitUsd, args.recipients, GCP_BUDGET_MAX_RECIPIENTS);
}
