/** GCP fixtures: the dr environment's data profile and the foundation values the components take. */
import { PROFILES } from "@platform/core";
import { GCP_DATA_KEY, GCP_NETWORK, GCP_PROJECT, GCP_PSA_RANGE, GCP_SECRETS_KEY } from "./helpers.js";

export function drProfile() {
    const p = PROFILES.dr;
    return {
        naming: { project: "acme", environment: "dr" },
        size: "large" as const,
        highAvailability: p.data.highAvailability,
        storageGb: p.data.storageGb,
        backupRetentionDays: p.data.backupRetentionDays,
        pointInTimeRecovery: p.data.pointInTimeRecovery,
        deletionProtection: p.data.deletionProtection,
    };
}

export const gcpFoundation = {
    project: GCP_PROJECT,
    region: "us-west1",
    networkId: GCP_NETWORK,
    privateServiceAccessRange: GCP_PSA_RANGE,
    kmsKeyName: GCP_DATA_KEY,
    secretsKmsKeyName: GCP_SECRETS_KEY,
};
