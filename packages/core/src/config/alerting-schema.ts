/**
 * `platform:alerts` and `platform:budget` (the cloud side of observability, both clouds): who
 * alarms and budget alerts reach, the public endpoint an uptime check probes, and the monthly
 * spend each environment is budgeted (seed 003 budget alerts). Read by the layers that own the
 * watched resources (`stacks/data`, `stacks/foundation`).
 */
import { z } from "zod";
import { DOMAIN_NAME_PATTERN } from "../validation/names.js";
import { encodeIssue, list, strictObject, text } from "./fields.js";

/** An email address (a notification channel or budget recipient): one @, a dotted domain, no spaces. */
export const EMAIL_PATTERN = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** A GCP billing account id: three groups of six hexadecimal digits (`012345-6789AB-CDEF01`). */
export const GCP_BILLING_ACCOUNT_PATTERN = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;
/** An uptime check path: absolute, no spaces, no query string (the check compares the status only). */
export const UPTIME_PATH_PATTERN = /^\/[A-Za-z0-9._~/-]*$/;
/** AWS Budgets' own limit on email subscribers per notification. */
export const MAX_BUDGET_RECIPIENTS = 10;
/** Cloud Billing budgets notify at most five channels. */
export const MAX_GCP_BUDGET_RECIPIENTS = 5;

const email = text(EMAIL_PATTERN, "an email address such as oncall@example.com", "an email address");

const emails = (what: string, max = MAX_BUDGET_RECIPIENTS) =>
    list(email, "[oncall@example.com]")
        .min(1, { error: () => encodeIssue("must list at least one address", `list who ${what}, or remove the key`) })
        .max(max, {
            error: () => encodeIssue(`lists more than ${max} addresses`, "use a group address (a mailing list)"),
        });

/** `platform:alerts`. */
export const ALERTS_SCHEMA = strictObject(
    {
        emails: emails("is notified").meta({
            description:
                "Email addresses alert notifications reach (GCP Cloud Monitoring email channels; subscribe them to the AWS alarm topics). Addresses, not secrets.",
        }),
        uptimeCheck: strictObject(
            {
                host: text(DOMAIN_NAME_PATTERN, "a public host name such as api.acme.example.com", "a host name").meta({
                    description: "The public host the uptime check probes over HTTPS.",
                }),
                path: text(UPTIME_PATH_PATTERN, "an absolute path such as /healthz", "an absolute path")
                    .optional()
                    .meta({ description: "The path probed. Default /." }),
            },
            "{ host: api.acme.example.com, path: /healthz }",
        )
            .optional()
            .meta({ description: "The public endpoint a Cloud Monitoring uptime check probes (seed 002); none when unset." }),
    },
    "{ emails: [oncall@example.com] }",
).meta({ description: "Who cloud alerts reach, and the public endpoint an uptime check probes." });

const monthlyLimit = z
    .number({ error: () => encodeIssue("must be a number of US dollars", "set it to the monthly budget, e.g. 5000") })
    .positive({ error: () => encodeIssue("must be more than 0", "set it to the monthly budget in US dollars, e.g. 5000") })
    .max(10_000_000, { error: () => encodeIssue("must be at most 10000000", "check the unit: the limit is US dollars per month") })
    .meta({ description: "The environment's monthly spend in US dollars; alerts at 50, 80 and 100 percent of it." });

const budgetShape = {
    monthlyLimitUsd: monthlyLimit,
    recipients: emails("receives budget alerts").meta({ description: "Email addresses budget alerts reach (at most 10)." }),
};

const gcpRecipients = emails("receives budget alerts", MAX_GCP_BUDGET_RECIPIENTS).meta({
    description: "Email addresses budget alerts reach (at most 5: a Cloud Billing budget notifies five channels).",
});

/** `platform:budget` on AWS. */
export const AWS_BUDGET_SCHEMA = strictObject(budgetShape, "{ monthlyLimitUsd: 5000, recipients: [finops@example.com] }").meta({
    description: "The environment's monthly AWS budget (seed 003); no budget when unset.",
});

/** `platform:budget` on GCP: the billing account the budget belongs to as well. */
export const GCP_BUDGET_SCHEMA = strictObject(
    {
        ...budgetShape,
        recipients: gcpRecipients,
        billingAccount: text(GCP_BILLING_ACCOUNT_PATTERN, "a billing account id such as 012345-6789AB-CDEF01", "a billing account id").meta(
            {
                description: "The Cloud Billing account paying for the project (budgets belong to billing accounts).",
            },
        ),
    },
    "{ monthlyLimitUsd: 5000, recipients: [finops@example.com], billingAccount: 012345-6789AB-CDEF01 }",
).meta({ description: "The environment's monthly GCP budget (seed 003); no budget when unset." });

export type AlertsConfig = z.infer<typeof ALERTS_SCHEMA>;
export type AwsBudgetConfig = z.infer<typeof AWS_BUDGET_SCHEMA>;
export type GcpBudgetConfig = z.infer<typeof GCP_BUDGET_SCHEMA>;

export const ALERTING_CLOUD_ONLY_KEYS: Readonly<Record<string, "aws" | "gcp">> = {
    "budget.billingAccount": "gcp",
};
