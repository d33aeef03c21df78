import type { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import {
    asArray,
    asBoolean,
    asNonEmptyString,
    asNumber,
    asRecord,
    asString,
    awsTags,
    checkov,
    referencedResources,
    resourceEnvironment,
    resourceLabel,
    resourcesOfTypes,
    seedTags,
    stackEnvironments,
    tryRead,
} from "@platform/policy-kit";
import { AWS_TYPES, GCP_TYPES, isProductionEnvironment } from "@platform/facts";
import { type BackupSelectionRules, selectionRules, selects } from "../backup-selection.js";

/** Seed 000's recovery point objective for databases, in minutes. */
export const DATABASE_RPO_MINUTES = 15;

/** The AWS types AWS Backup can back up that the platform creates (databases and buckets). */
export const AWS_BACKUP_COVERED_TYPES: readonly string[] = [
    AWS_TYPES.rdsInstance,
    AWS_TYPES.rdsCluster,
    AWS_TYPES.s3Bucket,
    AWS_TYPES.s3BucketV2,
];

const RDS_TYPES: readonly string[] = [AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster];

/**
 * The longest lifetime of an ephemeral bucket's objects, in days: a bucket whose lifecycle expires
 * every object within it (Loki's and Tempo's object stores: logs and traces expire by design) is
 * not backed up; a backup would keep what its owner deletes on purpose, at a second copy's price.
 */
export const EPHEMERAL_BUCKET_MAX_DAYS = 90;

/** An enabled lifecycle rule on every object (no filter, or an empty one) expiring current objects within the limit. */
function expiresEverything(rule: unknown): boolean {
    const r = asRecord(rule);
    if (r === undefined || r["status"] !== "Enabled") return false;
    const filter = asRecord(r["filter"]);
    if (r["filter"] !== undefined && (filter === undefined || Object.keys(filter).length > 0)) return false;
    const days = asNumber(asRecord(r["expiration"])?.["days"]);
    return days !== undefined && days >= 1 && days <= EPHEMERAL_BUCKET_MAX_DAYS;
}

/** A database the RPO applies to: a primary (a replica is rebuilt from its primary). */
function isPrimary(resource: PolicyResource): boolean {
    const source = tryRead(() => asNonEmptyString(resource.props["replicateSourceDb"] ?? resource.props["masterInstanceName"]));
    return !source.known || source.value === undefined;
}

/** The unknown-tolerant read of one value: undefined while unknown during a preview is "skip", not "unset". */
function read<T>(resource: PolicyResource, get: (props: Readonly<Record<string, unknown>>) => T): { known: boolean; value: T | undefined } {
    const value = tryRead(() => get(resource.props));
    return value.known ? { known: true, value: value.value } : { known: false, value: undefined };
}

function describeNumber(value: number | undefined): string {
    return value === undefined ? "not set" : String(value);
}

function checkRdsPitr(db: PolicyResource, env: string, report: ReportViolation): void {
    const days = read(db, (p) => asNumber(p["backupRetentionPeriod"]));
    if (!days.known || (days.value !== undefined && days.value >= 1)) return;
    report(
        `RDS ${resourceLabel(db)} is in ${env} without point-in-time recovery (backupRetentionPeriod ${describeNumber(days.value)}), so it could only be restored to its last snapshot, not within the ${DATABASE_RPO_MINUTES}-minute RPO; set backupRetentionPeriod to at least 1 (the data profile keeps 30): RDS then archives the transaction log every 5 minutes.`,
        db.urn,
    );
}

function checkCloudSqlPitr(db: PolicyResource, env: string, report: ReportViolation): void {
    const state = read(db, (p) => {
        const backup = asRecord(asRecord(p["settings"])?.["backupConfiguration"]) ?? {};
        const mysql = (asString(p["databaseVersion"]) ?? "").startsWith("MYSQL");
        const logField = mysql ? "binaryLogEnabled" : "pointInTimeRecoveryEnabled";
        return { enabled: asBoolean(backup["enabled"]), log: asBoolean(backup[logField]), logField };
    });
    if (!state.known || state.value === undefined) return;
    const { enabled, log, logField } = state.value;
    if (enabled === true && log === true) return;
    report(
        `Cloud SQL ${resourceLabel(db)} is in ${env} without point-in-time recovery (settings.backupConfiguration.enabled ${String(enabled ?? "not set")}, ${logField} ${String(log ?? "not set")}), so it could only be restored to its last backup, not within the ${DATABASE_RPO_MINUTES}-minute RPO; set settings.backupConfiguration.enabled and ${logField} to true.`,
        db.urn,
    );
}

function checkElastiCache(cache: PolicyResource, env: string, report: ReportViolation): void {
    const days = read(cache, (p) => asNumber(p["snapshotRetentionLimit"]));
    if (!days.known || (days.value !== undefined && days.value >= 1)) return;
    report(
        `ElastiCache ${resourceLabel(cache)} is in ${env} without snapshots (snapshotRetentionLimit ${describeNumber(days.value)}), and AWS Backup cannot back it up, so losing the group loses its data; set snapshotRetentionLimit to at least 1 (the data profile keeps 30).`,
        cache.urn,
    );
}

function checkMemorystore(cache: PolicyResource, env: string, report: ReportViolation): void {
    const mode = read(cache, (p) => asString(asRecord(p["persistenceConfig"])?.["persistenceMode"]));
    if (!mode.known || mode.value === "RDB") return;
    report(
        `Memorystore ${resourceLabel(cache)} is in ${env} without RDB snapshots (persistenceConfig.persistenceMode ${mode.value ?? "not set"}), so losing the instance loses its data; set persistenceConfig.persistenceMode to RDB (rdbSnapshotPeriod ONE_HOUR).`,
        cache.urn,
    );
}

function selectionSummary(selections: readonly BackupSelectionRules[]): string {
    const tags = [...new Set(selections.flatMap((s) => s.tags.map((t) => `${t.key}=${t.value}`)))];
    if (selections.length === 0) return "the stack has no aws.backup.Selection";
    return tags.length === 0 ? "no selection here selects by tag" : `the selections here select by tag ${tags.join(", ")}`;
}

function checkAwsBackupCoverage(
    resource: PolicyResource,
    env: string,
    selections: readonly BackupSelectionRules[],
    report: ReportViolation,
): void {
    const tags = tryRead(() => awsTags(resource));
    if (!tags.known) return;
    const arn = read(resource, (p) => asNonEmptyString(p["arn"])).value;
    if (selections.some((rules) => selects(rules, tags.value, arn))) return;
    report(
        `${resource.type} ${resourceLabel(resource)} is in ${env} but no AWS Backup plan covers it (${selectionSummary(selections)}), so its only copy is the resource itself; give it the tag of a selection (the data layer's AwsBackupPlan.selectionTag) or add an aws.backup.Selection that names it.`,
        resource.urn,
    );
}

/**
 * Backups meet seed 000's recovery point objectives in prod and dr: databases 15 minutes
 * ("continuous replication"), so every primary has point-in-time recovery (RDS automated backups,
 * whose transaction log is archived every 5 minutes; Cloud SQL backups with PITR or MySQL binary
 * logs); on AWS every resource AWS Backup can protect that the platform creates (RDS instances and
 * clusters, S3 buckets) is selected by an AWS Backup plan of the stack (seed 001's daily and hourly
 * copies into a locked vault), by tag, ARN or `*`, the way AWS Backup matches them; and caches keep
 * snapshots of their own (ElastiCache snapshot retention, Memorystore RDB persistence), since AWS
 * Backup cannot take them. Replicas are exempt (they are rebuilt from the primary), and so is a
 * CloudTrail trail's log bucket with Object Lock: its log files cannot be deleted or overwritten
 * during retention (what a backup would protect against) and the trail's digest files prove them;
 * and so is an ephemeral bucket, whose lifecycle expires every object within
 * {@link EPHEMERAL_BUCKET_MAX_DAYS} days (logs and traces): a backup would keep what is deleted on purpose. Not checked
 * and a load balancer's access-log bucket (the bucket some `aws.lb.LoadBalancer`'s `accessLogs`
 * names): request logs are telemetry, versioned against overwrites, not state a restore needs. Not checked
 * here: GCS buckets (versioning is their backup: gcp-gcs-versioning), queues and brokers (messages
 * in flight are not backed up), secrets and keys (recovery windows and protect), and Kubernetes
 * volumes (Velero in the data stack). A stack policy: the plan, its selections and the resources
 * they select are compared across the stack; values unknown during a preview are not judged.
 */
export const backupsMeetRpo: StackValidationPolicy = {
    name: "platform-backups-meet-rpo",
    description: "Production databases have point-in-time recovery, AWS Backup plans cover databases and buckets, caches keep snapshots.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_AWS_8: "Ensure that RDS clusters has backup plan of AWS Backup" }),
    tags: seedTags("000", "001"),
    remediationSteps:
        "In prod and dr: give every primary database point-in-time recovery (RDS backupRetentionPeriod of at least 1; Cloud SQL settings.backupConfiguration.enabled and pointInTimeRecoveryEnabled, binaryLogEnabled for MySQL); tag every RDS database and S3 bucket with the selection tag of an AWS Backup plan in the stack (the data layer's AwsBackupPlan.selectionTag) or add an aws.backup.Selection naming it; keep ElastiCache snapshots (snapshotRetentionLimit of at least 1) and Memorystore RDB persistence.",
    url: "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html",
    validateStack: (args, reportViolation) => {
        const stackProduction = stackEnvironments(args.resources).filter(isProductionEnvironment);
        const environmentOf = (resource: PolicyResource): string | undefined => {
            // Tags unknown during a preview: the stack's environment.
            const own = tryRead(() => resourceEnvironment(resource));
            if (own.known && isProductionEnvironment(own.value)) return own.value;
            return stackProduction.length > 0 ? stackProduction.join("/") : undefined;
        };
        const selections = resourcesOfTypes(args.resources, AWS_TYPES.backupSelection).flatMap((s) => {
            const rules = tryRead(() => selectionRules(s.props));
            return rules.known ? [rules.value] : [];
        });
        // Write-once audit logs: a CloudTrail trail's bucket with Object Lock needs no second copy (see below).
        const trailBuckets = new Set(
            resourcesOfTypes(args.resources, AWS_TYPES.cloudtrailTrail).flatMap((t) => {
                const name = tryRead(() => asNonEmptyString(t.props["s3BucketName"]));
                return name.known && name.value !== undefined ? [name.value] : [];
            }),
        );
        const isLockedTrailBucket = (r: PolicyResource): boolean => {
            const name = tryRead(() => asNonEmptyString(r.props["bucket"]));
            return r.props["objectLockEnabled"] === true && name.known && name.value !== undefined && trailBuckets.has(name.value);
        };
        const lifecycles = resourcesOfTypes(args.resources, AWS_TYPES.s3BucketLifecycleConfiguration);
        const isEphemeralBucket = (r: PolicyResource): boolean =>
            lifecycles.some(
                (l) => referencedResources(l, "bucket", [r]).length > 0 && (asArray(l.props["rules"]) ?? []).some(expiresEverything),
            );
        // Request logs of load balancers: telemetry, not state (see below).
        const accessLogBuckets = new Set(
            resourcesOfTypes(args.resources, AWS_TYPES.lbLoadBalancer).flatMap((lb) => {
                const name = tryRead(() => asNonEmptyString(asRecord(lb.props["accessLogs"])?.["bucket"]));
                return name.known && name.value !== undefined ? [name.value] : [];
            }),
        );
        const isAccessLogBucket = (r: PolicyResource): boolean => {
            const name = tryRead(() => asNonEmptyString(r.props["bucket"]));
            return name.known && name.value !== undefined && accessLogBuckets.has(name.value);
        };
        for (const resource of args.resources) {
            const env = environmentOf(resource);
            if (env === undefined) continue;
            const type = resource.type;
            if (RDS_TYPES.includes(type) && isPrimary(resource)) checkRdsPitr(resource, env, reportViolation);
            if (type === GCP_TYPES.sqlDatabaseInstance && isPrimary(resource)) checkCloudSqlPitr(resource, env, reportViolation);
            if (type === AWS_TYPES.elasticacheReplicationGroup) checkElastiCache(resource, env, reportViolation);
            if (type === GCP_TYPES.redisInstance) checkMemorystore(resource, env, reportViolation);
            if (
                AWS_BACKUP_COVERED_TYPES.includes(type) &&
                isPrimary(resource) &&
                !isLockedTrailBucket(resource) &&
                !isEphemeralBucket(resource) &&
                !isAccessLogBucket(resource)
            ) {
                checkAwsBackupCoverage(resource, env, selections, reportViolation);
            }
        }
    },
};
