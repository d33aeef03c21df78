/**
 * When a budget alerts (seed 003: budget and forecast alerts): at 50 and 80 percent of the month's
 * actual spend, and at 100 percent of both the actual and the forecasted spend. Forecasts below
 * 100 percent would fire early every month on a steady bill; at 100 the forecast warns before the
 * money is spent, the actual alert confirms it. Pure functions shared by both clouds.
 */
import { type Issue } from "@platform/core";

/** What a threshold compares: the spend so far, or the month's forecast. */
export type SpendBasis = "actual" | "forecasted";

export interface BudgetThreshold {
    readonly percent: number;
    readonly basis: SpendBasis;
}

/** The seed 003 thresholds, in the order they fire over a month. */
export const BUDGET_THRESHOLDS: readonly BudgetThreshold[] = [
    { percent: 50, basis: "actual" },
    { percent: 80, basis: "actual" },
    { percent: 100, basis: "forecasted" },
    { percent: 100, basis: "actual" },
];

/** US dollars as the Money type GCP takes: whole units as a string, and nanos. */
export function usdMoney(amount: number): { readonly currencyCode: "USD"; readonly units: string; readonly nanos: number } {
    const cents = Math.round(amount * 100);
    return { currencyCode: "USD", units: String(Math.floor(cents / 100)), nanos: (cents % 100) * 10_000_000 };
}

/** US dollars as the decimal string AWS Budgets takes (cents kept, no float noise). */
export function usdAmount(amount: number): string {
    return (Math.round(amount * 100) / 100).toFixed(2);
}

/** Every problem with a budget's limit and recipients, in the one error format. */
export function validateBudget(monthlyLimitUsd: number, recipients: readonly string[], maxRecipients: number): Issue[] {
    const issues: Issue[] = [];
    if (!Number.isFinite(monthlyLimitUsd) || monthlyLimitUsd <= 0) {
        issues.push({
            field: "monthlyLimitUsd",
            value: monthlyLimitUsd,
            problem: "must be more than 0",
            fix: "set the monthly budget in US dollars (platform:budget.monthlyLimitUsd)",
        });
    }
    if (recipients.length === 0 || recipients.length > maxRecipients) {
        issues.push({
            field: "recipients",
            value: recipients,
            problem: `must list 1 to ${maxRecipients} addresses`,
            fix: `list at most ${maxRecipients} addresses, or one mailing list (platform:budget.recipients)`,
        });
    }
    if (new Set(recipients).size !== recipients.length) {
        issues.push({ field: "recipients", value: recipients, problem: "lists an address twice", fix: "list each address once" });
    }
    return issues;
}
