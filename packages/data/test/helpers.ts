/** Shared fixtures of the data components' tests: the foundation's keys and network, per-profile arguments, synthesis. */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { PROFILES } from "@platform/core";
import { type InventoryResource, synthesize, type SynthesisResult } from "@platform/synth";

export const ACCOUNT = "111111111111";
export const DATA_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/data`;
export const SECRETS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/secrets`;
export const LOGS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/logs`;
export const BACKUPS_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/backups`;
export const GCP_PROJECT = "acme-dr-prod";
export const GCP_RING = `projects/${GCP_PROJECT}/locations/us-west1/keyRings/acme-dr-kms-keyring`;
export const GCP_DATA_KEY = `${GCP_RING}/cryptoKeys/acme-dr-kms-data`;
export const GCP_SECRETS_KEY = `${GCP_RING}/cryptoKeys/acme-dr-kms-secrets`;
export const GCP_BACKUPS_KEY = `${GCP_RING}/cryptoKeys/acme-dr-kms-backups`;
export const GCP_NETWORK = `projects/${GCP_PROJECT}/global/networks/acme-dr-network-vpc`;
export const GCP_PSA_RANGE = "acme-dr-network-psa";

/** The data profile fields the components take, per AWS environment (what the data stack passes). */
export function awsProfile(env: "dev" | "staging" | "prod") {
    const p = PROFILES[env];
    const size = env === "dev" ? ("small" as const) : env === "staging" ? ("medium" as const) : ("large" as const);
    return {
        naming: { project: "acme", environment: env },
        size,
        highAvailability: p.data.highAvailability,
        storageGb: p.data.storageGb,
        backupRetentionDays: p.data.backupRetentionDays,
        pointInTimeRecovery: p.data.pointInTimeRecovery,
        deletionProtection: p.data.deletionProtection,
    };
}

/** Runs `program` under the mocks (as the stack `prod` of project `t`). */
export function synth(program: () => unknown, stack = "prod"): Promise<SynthesisResult> {
    return synthesize({ project: "t", stack, program });
}

/** Custom resources with their protection, as `<name> <type> protect=… retain=…` lines, sorted. */
export function protection(resources: readonly InventoryResource[]): string[] {
    return resources
        .filter((r) => r.custom)
        .map((r) => `${r.name} ${r.type} protect=${r.protect} retain=${r.retainOnDelete}`)
        .sort();
}

/** Parses a JSON-string input (policies, documents). */
export function json(value: unknown): unknown {
    assert.equal(typeof value, "string", "expected a JSON string input");
    return JSON.parse(value as string) as unknown;
}

/** A component resource class that protects its children (to test protection through an ancestor). */
export class ProtectedParent extends pulumi.ComponentResource {
    constructor() {
        super("test:index:Parent", "parent", {}, { protect: true });
    }
}
