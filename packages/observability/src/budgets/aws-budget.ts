/**
 * The environment's monthly AWS budget (seed 003): the cost of resources carrying this
 * environment's `environment` cost allocation tag, with email alerts at the {@link BUDGET_THRESHOLDS}.
 * The tag must be activated as a cost allocation tag in the billing console (README, "Cost").
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import { type RequiredTagKey } from "@platform/facts";
import { BUDGET_THRESHOLDS, usdAmount, validateBudget } from "./budget-plan.js";

/** AWS Budgets' limit on email subscribers per notification. */
export const AWS_BUDGET_MAX_RECIPIENTS = 10;

export interface AwsBudgetArgs {
    /** Project and environment: the budget is `<project>-<env>-<name>-monthly`, filtered to the environment's tag. */
    readonly naming: ComponentNaming;
    /** US dollars per month (`platform:budget.monthlyLimitUsd`). */
    readonly monthlyLimitUsd: number;
    /** Addresses the alerts reach (at most 10, the service's limit per notification). */
    readonly recipients: readonly string[];
}

export class AwsBudget extends PlatformComponent {
    readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: AwsBudgetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:AwsBudget", name, args.naming, opts);
        this.validate(validateAwsBudgetArgs(args));
        const budget = new aws.budgets.Budget(
            this.childName("monthly"),
            {
                name: this.physicalName("monthly"),
                budgetType: "COST",
                limitAmount: usdAmount(args.monthlyLimitUsd),
                limitUnit: "USD",
                timeUnit: "MONTHLY",
                // One account may hold several environments: count only this one's tagged resources.
                costFilters: [{ name: "TagKeyValue", values: [`user:${environmentTagKey()}$${args.naming.environment}`] }],
                notifications: BUDGET_THRESHOLDS.map((t) => ({
                    comparisonOperator: "GREATER_THAN",
                    threshold: t.percent,
                    thresholdType: "PERCENTAGE",
                    notificationType: t.basis === "actual" ? "ACTUAL" : "FORECASTED",
                    subscriberEmailAddresses: [...args.recipients],
                })),
            },
            this.childOptions(),
        );
        this.budgetName = budget.name;
        this.complete("budgetName");
    }
}

/** The ownership tag the budget filters on (a cost allocation tag; README "Cost"). */
function environmentTagKey(): RequiredTagKey {
    return "environment";
}

/** Every problem with AwsBudget's arguments. */
export function validateAwsBudgetArgs(args: AwsBudgetArgs): Issue[] {
    return validateBudget(args.monthlyLimitUsd, args.recipients, AWS_BUDGET_MAX_RECIPIENTS);
}
