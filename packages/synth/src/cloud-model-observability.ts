/**
 * The simulated cloud's model of the observability layer's cloud types (alarm topics and metric
 * alarms, budgets, Cloud Monitoring channels, alert policies and uptime checks, billing budgets):
 * ids, the outputs components read, and the inputs whose change replaces a resource.
 * `cloud-model.ts` merges these into the one model; every value is a rehearsal value.
 */
import { createHash } from "node:crypto";
import type { DataResourceContext } from "./cloud-model-data.js";

type State = Record<string, unknown>;
type Context = DataResourceContext;

function hex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

function named(ctx: Context, field: string): string {
    return str(ctx.inputs[field], `${ctx.name}-${hex(7, ctx.type, ctx.name)}`);
}

/** A numeric id as Cloud Monitoring assigns them (alert policies, channels, conditions). */
function numericId(...parts: string[]): string {
    return String(BigInt(`0x${hex(15, ...parts)}`));
}

/** AWS ids of the observability types; undefined for types this model does not own. */
export function awsObservabilityId(ctx: Context): string | undefined {
    switch (ctx.type) {
        case "aws:sns/topic:Topic":
            return `arn:aws:sns:${ctx.region}:${ctx.account}:${named(ctx, "name")}`;
        case "aws:cloudwatch/metricAlarm:MetricAlarm":
            return named(ctx, "name");
        case "aws:budgets/budget:Budget":
            return `${str(ctx.inputs["accountId"], ctx.account)}:${named(ctx, "name")}`;
        default:
            return undefined;
    }
}

/** Computed outputs of the observability layer's AWS types. */
export const AWS_OBSERVABILITY_MODEL: Record<string, (ctx: Context, id: string) => State> = {
    "aws:sns/topic:Topic": (ctx, id) => ({ arn: id, name: named(ctx, "name"), owner: ctx.account }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (ctx, id) => ({
        arn: `arn:aws:cloudwatch:${ctx.region}:${ctx.account}:alarm:${id}`,
        name: id,
    }),
    "aws:budgets/budget:Budget": (ctx) => ({
        arn: `arn:aws:budgets::${str(ctx.inputs["accountId"], ctx.account)}:budget/${named(ctx, "name")}`,
        name: named(ctx, "name"),
        accountId: str(ctx.inputs["accountId"], ctx.account),
    }),
};

/** GCP resources of the observability layer: id and outputs, or undefined for types this model does not own. */
export function gcpObservabilityState(ctx: Context, project: string): { id: string; state: State } | undefined {
    switch (ctx.type) {
        case "gcp:monitoring/notificationChannel:NotificationChannel": {
            const id = `projects/${project}/notificationChannels/${numericId(project, ctx.type, ctx.name)}`;
            return { id, state: { name: id, verificationStatus: "VERIFIED" } };
        }
        case "gcp:monitoring/alertPolicy:AlertPolicy": {
            const id = `projects/${project}/alertPolicies/${numericId(project, ctx.type, ctx.name)}`;
            const conditions = Array.isArray(ctx.inputs["conditions"]) ? (ctx.inputs["conditions"] as State[]) : [];
            return {
                id,
                state: {
                    name: id,
                    conditions: conditions.map((c, i) => ({ ...c, name: `${id}/conditions/${numericId(id, String(i))}` })),
                    creationRecords: [{ mutateTime: "2025-01-01T00:00:00Z", mutatedBy: "simulated-ci" }],
                },
            };
        }
        case "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": {
            const checkId = `${str(ctx.inputs["displayName"], ctx.name)
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, "-")}-${hex(8, ctx.name)}`;
            const id = `projects/${project}/uptimeCheckConfigs/${checkId}`;
            return { id, state: { name: id, uptimeCheckId: checkId } };
        }
        case "gcp:billing/budget:Budget": {
            const account = str(ctx.inputs["billingAccount"], "000000-000000-000000");
            const budgetId = hex(32, account, ctx.name).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
            const id = `billingAccounts/${account}/budgets/${budgetId}`;
            return { id, state: { name: id } };
        }
        default:
            return undefined;
    }
}

/** Inputs whose change replaces an observability resource (Terraform ForceNew, as in `REPLACE_ON_CHANGE`). */
export const OBSERVABILITY_REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    "aws:sns/topic:Topic": ["name", "namePrefix", "fifoTopic", "region"],
    "aws:cloudwatch/metricAlarm:MetricAlarm": ["name", "region"],
    "aws:budgets/budget:Budget": ["accountId", "name", "namePrefix"],
    "gcp:monitoring/notificationChannel:NotificationChannel": ["project"],
    "gcp:monitoring/alertPolicy:AlertPolicy": ["project"],
    "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig": ["project", "checkerType", "monitoredResource", "resourceGroup"],
    "gcp:billing/budget:Budget": ["billingAccount"],
};
