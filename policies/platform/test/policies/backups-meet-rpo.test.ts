import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, type EvaluatedResource, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { backupsMeetRpo } from "../../src/policies/backups-meet-rpo.js";

const RDS = "aws:rds/instance:Instance";
const AURORA = "aws:rds/cluster:Cluster";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const ELASTICACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
const SELECTION = "aws:backup/selection:Selection";
const CLOUD_SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const MEMORYSTORE = "gcp:redis/instance:Instance";

const PLAN_TAG = { "backup-plan": "acme-prod-backup-plan" };
const TAG_SELECTION = { selectionTags: [{ type: "STRINGEQUALS", key: "backup-plan", value: "acme-prod-backup-plan" }] };
const PITR = { settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } } };

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [backupsMeetRpo] }, s.build());
const v = (r: EvaluatedResource, message: string) => expectedViolation(packName, backupsMeetRpo, r.urn, message);
const label = (r: EvaluatedResource) => `${r.id ?? r.name} (${r.urn})`;

const rdsPitr = (r: EvaluatedResource, env: string, value: string) =>
    v(
        r,
        `RDS ${label(r)} is in ${env} without point-in-time recovery (backupRetentionPeriod ${value}), so it could only be restored to its last snapshot, not within the 15-minute RPO; set backupRetentionPeriod to at least 1 (the data profile keeps 30): RDS then archives the transaction log every 5 minutes.`,
    );
const uncovered = (r: EvaluatedResource, env: string, summary: string) =>
    v(
        r,
        `${r.type} ${label(r)} is in ${env} but no AWS Backup plan covers it (${summary}), so its only copy is the resource itself; give it the tag of a selection (the data layer's AwsBackupPlan.selectionTag) or add an aws.backup.Selection that names it.`,
    );
const cloudSqlPitr = (r: EvaluatedResource, env: string, enabled: string, field: string, log: string) =>
    v(
        r,
        `Cloud SQL ${label(r)} is in ${env} without point-in-time recovery (settings.backupConfiguration.enabled ${enabled}, ${field} ${log}), so it could only be restored to its last backup, not within the 15-minute RPO; set settings.backupConfiguration.enabled and ${field} to true.`,
    );
const elastiCache = (r: EvaluatedResource, env: string, value: string) =>
    v(
        r,
        `ElastiCache ${label(r)} is in ${env} without snapshots (snapshotRetentionLimit ${value}), and AWS Backup cannot back it up, so losing the group loses its data; set snapshotRetentionLimit to at least 1 (the data profile keeps 30).`,
    );
const memorystore = (r: EvaluatedResource, env: string, value: string) =>
    v(
        r,
        `Memorystore ${label(r)} is in ${env} without RDB snapshots (persistenceConfig.persistenceMode ${value}), so losing the instance loses its data; set persistenceConfig.persistenceMode to RDB (rdbSnapshotPeriod ONE_HOUR).`,
    );

/** A stack of one environment with an AWS and a GCP provider carrying its ownership tags. */
function environmentStack(environment: string) {
    const s = new StackFixture({ stack: environment });
    const aws = s.awsProvider("aws", ownershipTags(environment), { jsonEncoded: true });
    const gcp = s.gcpProvider("gcp", ownershipTags(environment));
    return {
        s,
        aws: (type: string, name: string, inputs: Record<string, unknown>, outputs: Record<string, unknown> = {}) =>
            s.custom(type, name, inputs, { provider: aws, outputs }),
        gcp: (type: string, name: string, inputs: Record<string, unknown>) => s.custom(type, name, inputs, { provider: gcp }),
    };
}

/** What the data layer creates in production, all compliant. */
function compliantData(environment: string) {
    const stack = environmentStack(environment);
    stack.aws(SELECTION, "backup-selection", TAG_SELECTION);
    stack.aws(RDS, "db", { backupRetentionPeriod: 30, tags: PLAN_TAG });
    stack.aws(RDS, "replica", { replicateSourceDb: "db", backupRetentionPeriod: 0 });
    stack.aws(AURORA, "aurora", { backupRetentionPeriod: 7, tags: PLAN_TAG });
    stack.aws(BUCKET, "backups", { tags: PLAN_TAG });
    stack.aws(ELASTICACHE, "cache", { snapshotRetentionLimit: 30 });
    stack.gcp(CLOUD_SQL, "sql", { databaseVersion: "POSTGRES_17", ...PITR });
    stack.gcp(CLOUD_SQL, "sql-replica", { databaseVersion: "POSTGRES_17", masterInstanceName: "sql" });
    stack.gcp(CLOUD_SQL, "mysql", {
        databaseVersion: "MYSQL_8_0",
        settings: { backupConfiguration: { enabled: true, binaryLogEnabled: true } },
    });
    stack.gcp(MEMORYSTORE, "memorystore", { persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" } });
    return stack;
}

describe("platform-backups-meet-rpo", () => {
    it("passes the data layer's production shape: PITR on primaries, databases and buckets in a plan, cache snapshots; replicas exempt", async () => {
        for (const environment of ["prod", "dr"]) {
            assert.deepEqual(await run(compliantData(environment).s), [], environment);
        }
    });

    it("flags production databases without PITR, zero or unset, and the ones no plan covers", async () => {
        const stack = environmentStack("prod");
        stack.aws(SELECTION, "backup-selection", TAG_SELECTION);
        const off = stack.aws(RDS, "off", { backupRetentionPeriod: 0, tags: PLAN_TAG });
        const unset = stack.aws(RDS, "unset", {});
        const aurora = stack.aws(AURORA, "aurora", { backupRetentionPeriod: 1 });
        assert.deepEqual(await run(stack.s), [
            rdsPitr(off, "prod", "0"),
            rdsPitr(unset, "prod", "not set"),
            uncovered(unset, "prod", "the selections here select by tag backup-plan=acme-prod-backup-plan"),
            uncovered(aurora, "prod", "the selections here select by tag backup-plan=acme-prod-backup-plan"),
        ]);
    });

    it("flags buckets outside every plan, saying whether the stack has selections and what they select", async () => {
        const none = environmentStack("prod");
        const bucket = none.aws(BUCKET, "bucket", { tags: PLAN_TAG });
        const v2 = none.aws(BUCKET_V2, "bucket-v2", {});
        assert.deepEqual(await run(none.s), [
            uncovered(bucket, "prod", "the stack has no aws.backup.Selection"),
            uncovered(v2, "prod", "the stack has no aws.backup.Selection"),
        ]);

        const byArn = environmentStack("dr");
        byArn.aws(SELECTION, "by-arn", { resources: ["arn:aws:s3:::listed"] });
        const listed = byArn.aws(BUCKET, "listed", {}, { arn: "arn:aws:s3:::listed" });
        const other = byArn.aws(BUCKET, "other", {}, { arn: "arn:aws:s3:::other" });
        assert.deepEqual(await run(byArn.s), [uncovered(other, "dr", "no selection here selects by tag")]);
        assert.equal(listed.type, BUCKET);
    });

    it("exempts a CloudTrail trail's bucket with Object Lock, not one without it nor a locked bucket no trail writes to", async () => {
        const stack = environmentStack("prod");
        const TRAIL = "aws:cloudtrail/trail:Trail";
        stack.aws(TRAIL, "trail", { s3BucketName: "audit" });
        stack.aws(TRAIL, "other-trail", { s3BucketName: "audit-unlocked" });
        stack.aws(BUCKET, "audit", { bucket: "audit", objectLockEnabled: true });
        const unlocked = stack.aws(BUCKET, "audit-unlocked", { bucket: "audit-unlocked", objectLockEnabled: false });
        const lockedOnly = stack.aws(BUCKET, "locked", { bucket: "locked", objectLockEnabled: true });
        assert.deepEqual(await run(stack.s), [
            uncovered(unlocked, "prod", "the stack has no aws.backup.Selection"),
            uncovered(lockedOnly, "prod", "the stack has no aws.backup.Selection"),
        ]);
    });

    it("exempts an ephemeral bucket (a lifecycle expiring every object within 90 days), not a longer, filtered, disabled or unset expiry", async () => {
        const stack = environmentStack("prod");
        const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
        const expire = (days: number, extra: Record<string, unknown> = {}) => ({
            id: "expire",
            status: "Enabled",
            filter: {},
            expiration: { days },
            ...extra,
        });
        const bucket = (name: string, rules: unknown[] | undefined) => {
            const b = stack.aws(BUCKET, name, { bucket: name });
            // A setting names its bucket by id (the fixture's ids are `<name>-id`).
            if (rules !== undefined) stack.aws(LIFECYCLE, name, { bucket: `${name}-id`, rules });
            return b;
        };
        bucket("loki", [
            expire(30),
            { id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 1 } },
        ]);
        bucket("no-filter", [{ id: "expire", status: "Enabled", expiration: { days: 90 } }]);
        const long = bucket("long", [expire(91)]);
        const filtered = bucket("filtered", [expire(30, { filter: { prefix: "tmp/" } })]);
        const disabled = bucket("disabled", [expire(30, { status: "Disabled" })]);
        const markersOnly = bucket("markers", [
            { id: "m", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
        ]);
        const noLifecycle = bucket("none", undefined);
        const none = "the stack has no aws.backup.Selection";
        assert.deepEqual(await run(stack.s), [
            uncovered(long, "prod", none),
            uncovered(filtered, "prod", none),
            uncovered(disabled, "prod", none),
            uncovered(markersOnly, "prod", none),
            uncovered(noLifecycle, "prod", none),
        ]);
    });

    it("exempts a load balancer's access-log bucket, not a bucket no load balancer logs to nor one whose load balancer logs nowhere", async () => {
        const stack = environmentStack("prod");
        const LB = "aws:lb/loadBalancer:LoadBalancer";
        stack.aws(LB, "alb", { accessLogs: { bucket: "alb-logs", enabled: true } });
        stack.aws(LB, "unlogged", {});
        stack.aws(BUCKET, "alb-logs", { bucket: "alb-logs" });
        const other = stack.aws(BUCKET, "other", { bucket: "other" });
        assert.deepEqual(await run(stack.s), [uncovered(other, "prod", "the stack has no aws.backup.Selection")]);
    });

    it("reads the effective tags (provider default tags included), and honours notResources", async () => {
        const stack = environmentStack("prod");
        stack.aws(SELECTION, "everything-tagged-prod", {
            selectionTags: [{ type: "STRINGEQUALS", key: "environment", value: "prod" }],
            notResources: ["arn:aws:s3:::scratch"],
        });
        stack.aws(BUCKET, "by-default-tags", {});
        const scratch = stack.aws(BUCKET, "scratch", {}, { arn: "arn:aws:s3:::scratch" });
        assert.deepEqual(await run(stack.s), [uncovered(scratch, "prod", "the selections here select by tag environment=prod")]);
    });

    it("flags Cloud SQL primaries without backups or PITR (binary logs for MySQL), each setting false or unset", async () => {
        const stack = environmentStack("dr");
        const noPitr = stack.gcp(CLOUD_SQL, "no-pitr", {
            databaseVersion: "POSTGRES_17",
            settings: { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: false } },
        });
        const nothing = stack.gcp(CLOUD_SQL, "nothing", { databaseVersion: "POSTGRES_17" });
        const mysql = stack.gcp(CLOUD_SQL, "mysql", {
            databaseVersion: "MYSQL_8_0",
            settings: { backupConfiguration: { enabled: false, pointInTimeRecoveryEnabled: true } },
        });
        assert.deepEqual(await run(stack.s), [
            cloudSqlPitr(noPitr, "dr", "true", "pointInTimeRecoveryEnabled", "false"),
            cloudSqlPitr(nothing, "dr", "not set", "pointInTimeRecoveryEnabled", "not set"),
            cloudSqlPitr(mysql, "dr", "false", "binaryLogEnabled", "not set"),
        ]);
    });

    it("flags production caches without snapshots: ElastiCache retention 0 or unset, Memorystore without RDB", async () => {
        const stack = environmentStack("prod");
        const zero = stack.aws(ELASTICACHE, "zero", { snapshotRetentionLimit: 0 });
        const unset = stack.aws(ELASTICACHE, "unset", {});
        const disabled = stack.gcp(MEMORYSTORE, "disabled", { persistenceConfig: { persistenceMode: "DISABLED" } });
        const noConfig = stack.gcp(MEMORYSTORE, "no-config", {});
        assert.deepEqual(await run(stack.s), [
            elastiCache(zero, "prod", "0"),
            elastiCache(unset, "prod", "not set"),
            memorystore(disabled, "prod", "DISABLED"),
            memorystore(noConfig, "prod", "not set"),
        ]);
    });

    it("does not judge values unknown during a preview", async () => {
        const stack = environmentStack("prod");
        stack.aws(SELECTION, "backup-selection", TAG_SELECTION);
        stack.aws(RDS, "db", { backupRetentionPeriod: pulumi.unknown, tags: pulumi.unknown });
        stack.aws(ELASTICACHE, "cache", { snapshotRetentionLimit: pulumi.unknown });
        stack.gcp(CLOUD_SQL, "sql", { databaseVersion: "POSTGRES_17", settings: pulumi.unknown });
        stack.gcp(MEMORYSTORE, "memorystore", { persistenceConfig: pulumi.unknown });
        assert.deepEqual(await run(stack.s), []);
    });

    it("leaves dev and staging alone, but holds a resource tagged prod to it in any stack", async () => {
        for (const environment of ["dev", "staging"]) {
            const stack = environmentStack(environment);
            stack.aws(RDS, "db", { backupRetentionPeriod: 0 });
            stack.aws(BUCKET, "bucket", {});
            stack.aws(ELASTICACHE, "cache", {});
            stack.gcp(CLOUD_SQL, "sql", { databaseVersion: "POSTGRES_17" });
            stack.gcp(MEMORYSTORE, "memorystore", {});
            assert.deepEqual(await run(stack.s), [], environment);
        }
        const stack = environmentStack("dev");
        const prodDb = stack.aws(RDS, "prod-db", { backupRetentionPeriod: 7, tags: { environment: "prod" } });
        assert.deepEqual(await run(stack.s), [uncovered(prodDb, "prod", "the stack has no aws.backup.Selection")]);
    });
});
