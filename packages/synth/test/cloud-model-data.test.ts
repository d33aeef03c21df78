import * as assert from "node:assert/strict";
import { replacesOnChange, simulateInvoke, simulateResource, UnmodelledInvokeError } from "../src/index.js";

const aws = (type: string, name: string, inputs: Record<string, unknown>) => simulateResource({ type, name, inputs });

describe("simulated cloud: the data layer's AWS types", () => {
    it("an RDS instance: identifier as id, endpoint, DBI resource id, and the RDS-managed secret only when asked", () => {
        const db = aws("aws:rds/instance:Instance", "db", {
            identifier: "acme-prod-postgres-db",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: "k",
        });
        assert.equal(db.id, "acme-prod-postgres-db");
        assert.match(String(db.state["address"]), /^acme-prod-postgres-db\.c[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/);
        assert.equal(db.state["endpoint"], `${String(db.state["address"])}:5432`);
        assert.equal(db.state["arn"], "arn:aws:rds:us-east-1:111111111111:db:acme-prod-postgres-db");
        assert.match(String(db.state["resourceId"]), /^db-[0-9A-F]{26}$/);
        const secrets = db.state["masterUserSecrets"] as Array<Record<string, unknown>>;
        assert.match(
            String(secrets[0]?.["secretArn"]),
            /^arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-[0-9a-f-]{36}-[0-9a-f]{6}$/,
        );
        assert.equal(secrets[0]?.["kmsKeyId"], "k");
        assert.deepEqual(aws("aws:rds/instance:Instance", "db", { identifier: "x" }).state["masterUserSecrets"], []);
    });

    it("RDS Proxy, ElastiCache and Amazon MQ endpoints", () => {
        assert.match(
            String(aws("aws:rds/proxy:Proxy", "p", { name: "acme-prod-postgres-proxy" }).state["endpoint"]),
            /^acme-prod-postgres-proxy\.proxy-c[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/,
        );
        const redis = aws("aws:elasticache/replicationGroup:ReplicationGroup", "r", {
            replicationGroupId: "acme-prod-redis",
            numCacheClusters: 2,
        });
        assert.equal(redis.id, "acme-prod-redis");
        assert.match(String(redis.state["primaryEndpointAddress"]), /^master\.acme-prod-redis\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
        assert.deepEqual(redis.state["memberClusters"], ["acme-prod-redis-001", "acme-prod-redis-002"]);
        const mq = aws("aws:mq/broker:Broker", "mq", { brokerName: "acme-prod-rabbitmq" });
        assert.match(mq.id, /^b-[0-9a-f-]{36}$/);
        assert.deepEqual(mq.state["instances"], [
            { consoleUrl: `https://${mq.id}.mq.us-east-1.on.aws`, endpoints: [`amqps://${mq.id}.mq.us-east-1.on.aws:5671`], ipAddress: "" },
        ]);
    });

    it("an S3 bucket is its name; its settings resources are keyed by the bucket", () => {
        const bucket = aws("aws:s3/bucket:Bucket", "b", { bucket: "acme-prod-backups-111111111111-us-east-1-an" });
        assert.equal(bucket.id, "acme-prod-backups-111111111111-us-east-1-an");
        assert.equal(bucket.state["arn"], "arn:aws:s3:::acme-prod-backups-111111111111-us-east-1-an");
        for (const type of [
            "aws:s3/bucketVersioning:BucketVersioning",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        ]) {
            assert.equal(aws(type, "s", { bucket: "b1" }).id, "b1");
        }
    });

    it("SQS queues are addressed by URL, Secrets Manager secrets by ARN, backup vaults by name", () => {
        const queue = aws("aws:sqs/queue:Queue", "q", { name: "acme-prod-jobs" });
        assert.equal(queue.id, "https://sqs.us-east-1.amazonaws.com/111111111111/acme-prod-jobs");
        assert.equal(queue.state["arn"], "arn:aws:sqs:us-east-1:111111111111:acme-prod-jobs");
        const secret = aws("aws:secretsmanager/secret:Secret", "s", { name: "acme-prod-redis-auth" });
        assert.match(secret.id, /^arn:aws:secretsmanager:us-east-1:111111111111:secret:acme-prod-redis-auth-[0-9a-f]{6}$/);
        assert.equal(secret.state["arn"], secret.id);
        const vault = aws("aws:backup/vault:Vault", "v", { name: "acme-prod-backup-vault" });
        assert.deepEqual(
            [vault.id, vault.state["arn"]],
            ["acme-prod-backup-vault", "arn:aws:backup:us-east-1:111111111111:backup-vault:acme-prod-backup-vault"],
        );
    });
});

describe("simulated cloud: the data layer's GCP types", () => {
    const gcp = (type: string, name: string, inputs: Record<string, unknown>) =>
        simulateResource({ type, name, inputs: { project: "p1", ...inputs } });

    it("Cloud SQL: a private address only, the connection name", () => {
        const sql = gcp("gcp:sql/databaseInstance:DatabaseInstance", "db", { name: "acme-dr-postgres-db", region: "us-west1" });
        assert.equal(sql.id, "acme-dr-postgres-db");
        assert.equal(sql.state["connectionName"], "p1:us-west1:acme-dr-postgres-db");
        assert.match(String(sql.state["privateIpAddress"]), /^10\.90\.\d+\.\d+$/);
        assert.equal(sql.state["publicIpAddress"], "");
    });

    it("Memorystore: TLS on 6378, an AUTH string only with AUTH on", () => {
        const tls = gcp("gcp:redis/instance:Instance", "r", {
            name: "c",
            region: "us-west1",
            transitEncryptionMode: "SERVER_AUTHENTICATION",
            authEnabled: true,
        });
        assert.equal(tls.id, "projects/p1/locations/us-west1/instances/c");
        assert.equal(tls.state["port"], 6378);
        assert.match(String(tls.state["authString"]), /^simulated-[0-9a-f]{32}$/);
        const plain = gcp("gcp:redis/instance:Instance", "r", { name: "c", region: "us-west1" });
        assert.deepEqual([plain.state["port"], plain.state["authString"]], [6379, ""]);
    });

    it("topics, subscriptions, buckets, secrets, service agents and IAM members", () => {
        assert.equal(gcp("gcp:pubsub/topic:Topic", "t", { name: "jobs" }).id, "projects/p1/topics/jobs");
        assert.equal(gcp("gcp:pubsub/subscription:Subscription", "s", { name: "jobs" }).id, "projects/p1/subscriptions/jobs");
        assert.equal(gcp("gcp:storage/bucket:Bucket", "b", { name: "bk" }).state["url"], "gs://bk");
        const secret = gcp("gcp:secretmanager/secret:Secret", "s", { secretId: "acme-dr-redis-auth" });
        assert.deepEqual(
            [secret.id, secret.state["name"]],
            ["projects/p1/secrets/acme-dr-redis-auth", "projects/123456789012/secrets/acme-dr-redis-auth"],
        );
        assert.equal(
            gcp("gcp:projects/serviceIdentity:ServiceIdentity", "i", { service: "sqladmin.googleapis.com" }).state["email"],
            "service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
        );
        assert.equal(gcp("gcp:storage/bucketIAMMember:BucketIAMMember", "m", { bucket: "bk", role: "r", member: "m" }).id, "bk/r/m");
        assert.match(gcp("gcp:storage/transferJob:TransferJob", "j", {}).id, /^p1\/transferJobs\/\d+$/);
    });
});

describe("simulated cloud: generated passwords", () => {
    const password = (inputs: Record<string, unknown>, name = "pw") =>
        simulateResource({ type: "random:index/randomPassword:RandomPassword", name, inputs });

    it("the requested length and classes, the same for the same resource, another for another", () => {
        const a = password({ length: 64, special: true, overrideSpecial: "-_", minSpecial: 2, minUpper: 1, minLower: 1, minNumeric: 1 });
        const result = String(a.state["result"]);
        assert.equal(a.id, "none");
        assert.equal(result.length, 64);
        assert.match(result, /^[A-Za-z0-9_-]+$/);
        assert.ok((result.match(/[-_]/g) ?? []).length >= 2);
        assert.ok(/[A-Z]/.test(result) && /[a-z]/.test(result) && /[0-9]/.test(result));
        assert.equal(
            password({ length: 64, special: true, overrideSpecial: "-_", minSpecial: 2, minUpper: 1, minLower: 1, minNumeric: 1 }).state[
                "result"
            ],
            result,
        );
        assert.notEqual(password({ length: 64 }, "other").state["result"], result);
        assert.match(String(password({ length: 20, special: false }).state["result"]), /^[A-Za-z0-9]{20}$/);
    });

    it("every argument of a password replaces it", () => {
        assert.equal(replacesOnChange("random:index/randomPassword:RandomPassword", "length"), true);
        assert.equal(replacesOnChange("random:index/randomPassword:RandomPassword", "keepers"), true);
    });
});

describe("simulated cloud: the data layer's invokes and force-new fields", () => {
    it("the Cloud Storage and Storage Transfer service agents", () => {
        assert.deepEqual(simulateInvoke("gcp:storage/getProjectServiceAccount:getProjectServiceAccount", { project: "p1" }), {
            emailAddress: "service-123456789012@gs-project-accounts.iam.gserviceaccount.com",
            member: "serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com",
            project: "p1",
            id: "service-123456789012@gs-project-accounts.iam.gserviceaccount.com",
        });
        const sts = simulateInvoke("gcp:storage/getTransferProjectServiceAccount:getTransferProjectServiceAccount", { project: "p1" });
        assert.equal(sts["email"], "project-123456789012@storage-transfer-service.iam.gserviceaccount.com");
        assert.match(String(sts["subjectId"]), /^\d{21}$/);
        assert.throws(() => simulateInvoke("gcp:storage/getBucket:getBucket", {}), UnmodelledInvokeError);
    });

    it("a bucket's name, namespace and Object Lock replace it; an instance class or a redrive count does not", () => {
        for (const p of ["bucket", "bucketNamespace", "objectLockEnabled"])
            assert.equal(replacesOnChange("aws:s3/bucket:Bucket", p), true, p);
        assert.equal(replacesOnChange("aws:s3/bucket:Bucket", "tags"), false);
        assert.equal(replacesOnChange("aws:rds/instance:Instance", "instanceClass"), false);
        assert.equal(replacesOnChange("aws:rds/instance:Instance", "kmsKeyId"), true);
        assert.equal(replacesOnChange("aws:sqs/queue:Queue", "redrivePolicy"), false);
        assert.equal(replacesOnChange("gcp:redis/instance:Instance", "tier"), true);
        assert.equal(replacesOnChange("gcp:redis/instance:Instance", "memorySizeGb"), false);
        assert.equal(replacesOnChange("aws:backup/selection:Selection", "selectionTags"), true);
    });
});
