/** Shared fixtures of the gcp pack's data-policy tests: one-policy evaluation and an environment-labelled stack. */
import type { Policy } from "@pulumi/policy";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";

/** A Cloud SQL instance as the platform's GcpPostgresDatabase creates it in dr. */
export const SQL_SETTINGS = {
    tier: "db-custom-4-26624",
    availabilityType: "REGIONAL",
    ipConfiguration: { ipv4Enabled: false, privateNetwork: "projects/p/global/networks/vpc", sslMode: "ENCRYPTED_ONLY" },
    backupConfiguration: {
        enabled: true,
        pointInTimeRecoveryEnabled: true,
        backupRetentionSettings: { retainedBackups: 30, retentionUnit: "COUNT" },
    },
    deletionProtectionEnabled: true,
};

export function environmentStack(environment: string) {
    const s = new StackFixture({ stack: environment });
    const provider = s.gcpProvider("gcp", ownershipTags(environment), { jsonEncoded: true });
    const add = (type: string, name: string, props: Record<string, unknown>) => s.custom(type, name, props, { provider });
    return { s, add };
}

export function runPolicy(policy: Policy, s: StackFixture) {
    return evaluatePack({ name: packName, policies: [policy] }, s.build());
}

export function violation(policy: Policy, urn: string | null, detail: string) {
    return expectedViolation(packName, policy, urn, detail);
}
