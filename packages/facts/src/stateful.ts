/**
 * Stateful resource types: deleting or replacing one loses data or something that cannot be
 * recreated as it was (key material, a zone's delegation, logs kept for audit, a cluster's
 * workloads). In production environments every resource of these types must be protected
 * (`protect: true`); the platform pack's platform-protect-stateful-prod policy and the
 * synthesized-environment invariants both read this table. Each entry says what would be lost.
 */
import { AWS_TYPES as A, GCP_TYPES as G } from "./types.js";

export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
    [A.kmsKey]: "key material: everything encrypted with the key becomes unreadable",
    [A.route53Zone]: "a new zone gets new name servers, breaking the registrar's delegation",
    [A.route53KeySigningKey]:
        "a new key-signing key no longer matches the DS record at the registrar: validating resolvers reject the zone",
    [A.logGroup]: "the logs it holds (flow logs and audit trails kept for investigations)",
    [A.s3Bucket]: "the objects it stores",
    [A.s3BucketV2]: "the objects it stores",
    [A.rdsInstance]: "the database",
    [A.rdsCluster]: "the database",
    [A.elasticacheReplicationGroup]: "the cache's data and its endpoint",
    [A.mqBroker]: "queued messages and the broker endpoint",
    [A.sqsQueue]: "queued messages",
    [A.secretsmanagerSecret]: "the secret value and its versions",
    [A.cloudtrailTrail]: "the audit trail: while it is gone, API activity is not recorded, and the gap cannot be filled later",
    [A.guarddutyDetector]: "its findings (deleted with the detector) and the detection history",
    [A.securityhubAccount]: "every Security Hub finding and control status (disabling deletes them)",
    [A.backupVault]: "every recovery point (backup) it holds",
    [A.eksCluster]: "every workload on the cluster and its API endpoint",
    [A.ecrRepository]: "the images it stores",
    [G.keyRing]: "key rings cannot be deleted, and their names can never be reused",
    [G.cryptoKey]: "key material: everything encrypted with the key becomes unreadable",
    [G.managedZone]: "a new zone gets new name servers and DNSSEC keys, breaking delegation",
    [G.storageBucket]: "the objects it stores",
    [G.sqlDatabaseInstance]: "the database",
    [G.sqlDatabase]: "the database's tables (dropped with it)",
    [G.redisInstance]: "the cache's data and its endpoint",
    [G.secretManagerSecret]: "the secret value and its versions",
    [G.containerCluster]: "every workload on the cluster and its API endpoint",
    [G.loggingProjectBucketConfig]: "the audit logs it holds",
    [G.pubsubTopic]: "undelivered messages",
    [G.pubsubSubscription]: "unacknowledged messages",
    [G.artifactRegistryRepository]: "the images it stores",
};

export function isStatefulType(type: string): boolean {
    return Object.hasOwn(STATEFUL_TYPES, type);
}
