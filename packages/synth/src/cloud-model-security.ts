/**
 * The simulated cloud's model of the security layer's resource types (audit trail, threat
 * detection, posture, CI identities, GCP audit logs): ids, the outputs components read, and the
 * inputs whose change replaces a resource. `cloud-model.ts` merges these into the one model; every
 * value is a rehearsal value.
 */
import { createHash } from "node:crypto";
import type { DataResourceContext } from "./cloud-model-data.js";

type State = Record<string, unknown>;
type Context = DataResourceContext;

/** The project number the simulated cloud reports for every GCP project (`SIMULATED_GCP_PROJECT_NUMBER`). */
const PROJECT_NUMBER = "123456789012";

function hex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

function named(ctx: Context, field: string): string {
    return str(ctx.inputs[field], `${ctx.name}-${hex(7, ctx.type, ctx.name)}`);
}

/** AWS ids of the security layer's types; undefined for types this model does not own. */
export function awsSecurityId(ctx: Context): string | undefined {
    switch (ctx.type) {
        case "aws:cloudtrail/trail:Trail":
            return `arn:aws:cloudtrail:${ctx.region}:${ctx.account}:trail/${named(ctx, "name")}`;
        case "aws:guardduty/detector:Detector":
            return hex(32, "guardduty", ctx.account, ctx.region);
        case "aws:guardduty/detectorFeature:DetectorFeature":
            return `${str(ctx.inputs["detectorId"], "detector")}/${str(ctx.inputs["name"], "feature")}`;
        case "aws:securityhub/account:Account":
            return ctx.account;
        case "aws:securityhub/standardsSubscription:StandardsSubscription": {
            const standard = str(ctx.inputs["standardsArn"], "standard").replace(/^arn:aws:securityhub:[^:]*::standards\//, "");
            return `arn:aws:securityhub:${ctx.region}:${ctx.account}:subscription/${standard}`;
        }
        default:
            return undefined;
    }
}

/** Computed outputs of the security layer's AWS types. */
export const AWS_SECURITY_MODEL: Record<string, (ctx: Context, id: string) => State> = {
    "aws:cloudtrail/trail:Trail": (ctx, id) => ({ arn: id, name: named(ctx, "name"), homeRegion: ctx.region }),
    "aws:guardduty/detector:Detector": (ctx, id) => ({
        arn: `arn:aws:guardduty:${ctx.region}:${ctx.account}:detector/${id}`,
        accountId: ctx.account,
    }),
    "aws:guardduty/detectorFeature:DetectorFeature": () => ({}),
    "aws:securityhub/account:Account": (ctx) => ({ arn: `arn:aws:securityhub:${ctx.region}:${ctx.account}:hub/default` }),
    "aws:securityhub/standardsSubscription:StandardsSubscription": () => ({}),
};

/** GCP resources of the security layer: id and outputs, or undefined for types this model does not own. */
export function gcpSecurityState(ctx: Context, project: string): { id: string; state: State } | undefined {
    switch (ctx.type) {
        case "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": {
            const poolId = str(ctx.inputs["workloadIdentityPoolId"], "pool");
            const name = `projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/${poolId}`;
            return { id: `projects/${project}/locations/global/workloadIdentityPools/${poolId}`, state: { name, state: "ACTIVE" } };
        }
        case "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider": {
            const poolId = str(ctx.inputs["workloadIdentityPoolId"], "pool");
            const providerId = str(ctx.inputs["workloadIdentityPoolProviderId"], "provider");
            const path = `locations/global/workloadIdentityPools/${poolId}/providers/${providerId}`;
            return { id: `projects/${project}/${path}`, state: { name: `projects/${PROJECT_NUMBER}/${path}`, state: "ACTIVE" } };
        }
        case "gcp:projects/iAMAuditConfig:IAMAuditConfig":
            return {
                id: `${project}/audit_config/${str(ctx.inputs["service"], "allServices")}`,
                state: { etag: `BwY${hex(10, ctx.name)}` },
            };
        case "gcp:logging/projectBucketConfig:ProjectBucketConfig": {
            const bucketId = str(ctx.inputs["bucketId"], "bucket");
            const id = `projects/${project}/locations/${str(ctx.inputs["location"], "global")}/buckets/${bucketId}`;
            return { id, state: { name: id, lifecycleState: "ACTIVE" } };
        }
        case "gcp:logging/projectSink:ProjectSink": {
            const name = named(ctx, "name");
            return {
                id: `projects/${project}/sinks/${name}`,
                state: { name, writerIdentity: `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-logging.iam.gserviceaccount.com` },
            };
        }
        default:
            return undefined;
    }
}

/** Inputs whose change replaces a security-layer resource (Terraform ForceNew, as in `REPLACE_ON_CHANGE`). */
export const SECURITY_REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    "aws:cloudtrail/trail:Trail": ["name", "region"],
    "aws:guardduty/detector:Detector": ["region"],
    "aws:guardduty/detectorFeature:DetectorFeature": ["detectorId", "name", "region"],
    "aws:securityhub/account:Account": ["region"],
    "aws:securityhub/standardsSubscription:StandardsSubscription": ["standardsArn", "region"],
    "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": ["project", "workloadIdentityPoolId"],
    "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider": [
        "project",
        "workloadIdentityPoolId",
        "workloadIdentityPoolProviderId",
    ],
    "gcp:projects/iAMAuditConfig:IAMAuditConfig": ["project", "service"],
    "gcp:logging/projectBucketConfig:ProjectBucketConfig": ["project", "location", "bucketId"],
    "gcp:logging/projectSink:ProjectSink": ["project", "name"],
};
