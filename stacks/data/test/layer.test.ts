import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import {
    type AwsFoundationOutputs,
    createAwsProviderInRegion,
    createCloudProvider,
    type GcpFoundationOutputs,
    parsePlatformConfig,
    type PlatformSettings,
} from "@platform/core";
import { countByType, findResource, type InventoryResource, ofType, synthesize } from "@platform/synth";
import { type ClusterAccess, dataLayer, redisNodes } from "../src/index.js";

const TODAY = "2026-12-02";
const base = { project: "acme", team: "platform", costCenter: "cc-1042" };
const CIDRS = { dev: "10.10.0.0/16", staging: "10.20.0.0/16", prod: "10.30.0.0/16", dr: "10.40.0.0/16" } as const;

function settings(env: keyof typeof CIDRS, data?: Record<string, unknown>): PlatformSettings {
    return parsePlatformConfig(
        {
            ...base,
            environment: env,
            network: { cidr: CIDRS[env] },
            ...(env === "dr" ? { gcpProject: "acme-dr-prod" } : {}),
            ...(data ? { data } : {}),
        },
        { today: TODAY },
    );
}

const keyArns = (env: string) => ({
    logs: `arn:aws:kms:us-east-1:111111111111:key/${env}-logs`,
    data: `arn:aws:kms:us-east-1:111111111111:key/${env}-data`,
    secrets: `arn:aws:kms:us-east-1:111111111111:key/${env}-secrets`,
    backups: `arn:aws:kms:us-east-1:111111111111:key/${env}-backups`,
});

function awsFoundation(env: string, zones: number): AwsFoundationOutputs {
    const azs = ["us-east-1a", "us-east-1b", "us-east-1c"].slice(0, zones);
    return {
        environment: env as AwsFoundationOutputs["environment"],
        cloud: "aws",
        region: "us-east-1",
        dns: { publicZoneId: null, privateZoneId: null, publicZoneName: null, privateZoneName: null, publicNameServers: [] },
        vpcId: "vpc-0a1",
        vpcCidr: "10.30.0.0/16",
        availabilityZones: azs,
        publicSubnetIds: azs.map((z) => `subnet-public-${z}`),
        privateSubnetIds: azs.map((z) => `subnet-private-${z}`),
        isolatedSubnetIds: azs.map((z) => `subnet-isolated-${z}`),
        endpointSecurityGroupId: "sg-endpoints",
        kmsKeyArns: keyArns(env),
        kmsKeyIds: keyArns(env),
    };
}

const RING = "projects/acme-dr-prod/locations/us-west1/keyRings/acme-dr-kms-keyring/cryptoKeys";
const gcpFoundation: GcpFoundationOutputs = {
    environment: "dr",
    cloud: "gcp",
    region: "us-west1",
    dns: { publicZoneId: null, privateZoneId: null, publicZoneName: null, privateZoneName: null, publicNameServers: [] },
    gcpProject: "acme-dr-prod",
    networkId: "projects/acme-dr-prod/global/networks/acme-dr-network-vpc",
    networkSelfLink: "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/global/networks/acme-dr-network-vpc",
    subnetSelfLinks: {},
    podRangeNames: {},
    serviceRangeNames: {},
    privateServiceAccessRange: "acme-dr-network-psa",
    kmsKeyIds: {
        logs: `${RING}/acme-dr-kms-logs`,
        data: `${RING}/acme-dr-kms-data`,
        secrets: `${RING}/acme-dr-kms-secrets`,
        backups: `${RING}/acme-dr-kms-backups`,
    },
};

const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n";

async function run(s: PlatformSettings, withCluster = false) {
    return synthesize({
        project: "data",
        stack: s.environment,
        program: () => {
            const provider = createCloudProvider(s);
            const cluster: ClusterAccess | undefined = !withCluster
                ? undefined
                : s.cloud === "aws"
                  ? {
                        cloud: "aws",
                        nodeSecurityGroupId: "sg-nodes",
                        clusterName: "acme-prod-eks",
                        defaultStorageClass: "gp3",
                        kubernetesProvider: new k8s.Provider("k8s", { kubeconfig: KUBECONFIG }),
                    }
                  : {
                        cloud: "gcp",
                        workloadIdentityPool: "acme-dr-prod.svc.id.goog",
                        kubernetesProvider: new k8s.Provider("k8s", { kubeconfig: KUBECONFIG }),
                    };
            const foundation = s.cloud === "aws" ? awsFoundation(s.environment, s.network.availabilityZones.length) : gcpFoundation;
            return dataLayer(s, provider, foundation, cluster);
        },
    });
}

function components(resources: readonly InventoryResource[]): string[] {
    return resources.filter((r) => r.type.startsWith("platform:")).map((r) => `${r.type} ${r.name}${r.protect ? " [protected]" : ""}`);
}

describe("the data layer", () => {
    it("alarms watch the database and each cache node by their identifiers, on the logs key, thresholds from the profile", async () => {
        const alarms = (resources: readonly InventoryResource[]) =>
            ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm")
                .map((a) => [a.name, a.inputs["threshold"], a.inputs["dimensions"]])
                .sort(([a], [b]) => String(a).localeCompare(String(b)));
        const prod = await run(settings("prod"));
        const db = { DBInstanceIdentifier: "acme-prod-postgres-db" };
        const node = (n: number) => ({ CacheClusterId: `acme-prod-redis-cache-00${n}` });
        assert.deepEqual(alarms(prod.resources), [
            ["alarms-rds-connections", 2883, db],
            ["alarms-rds-cpu", 80, db],
            ["alarms-rds-free-storage", 107_374_182_400, db],
            ...[1, 2, 3].flatMap((n) => [
                [`alarms-redis-${n}-cpu`, 80, node(n)],
                [`alarms-redis-${n}-evictions`, 0, node(n)],
            ]),
        ]);
        assert.equal(findResource(prod.resources, "aws:sns/topic:Topic", "alarms-topic").inputs["kmsMasterKeyId"], keyArns("prod").logs);
        // dev: one small node that may evict, a 50 GB db.t4g.medium.
        const dev = await run(settings("dev"));
        assert.deepEqual(
            alarms(dev.resources).map(([name, threshold]) => [name, threshold]),
            [
                ["alarms-rds-connections", 360],
                ["alarms-rds-cpu", 80],
                ["alarms-rds-free-storage", 10_737_418_240],
                ["alarms-redis-1-cpu", 80],
                ["alarms-redis-1-evictions", 100],
            ],
        );
        // A read replica gets its lag alarm.
        const replica = await run(settings("staging", { postgres: { readReplicas: 1 } }));
        assert.deepEqual(
            findResource(replica.resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-rds-replica-1-lag").inputs["dimensions"],
            {
                DBInstanceIdentifier: "acme-staging-postgres-replica-1",
            },
        );
    });

    it("dev: the AWS components, unprotected; no replica, no lock, no copy, a single broker", async () => {
        const { resources } = await run(settings("dev"));
        assert.deepEqual(components(resources), [
            "platform:data:AwsBackupPlan backup",
            "platform:data:AwsPostgresDatabase postgres",
            "platform:data:AwsRedisCache redis",
            "platform:observability:AwsAlarms alarms",
            "platform:data:AwsRabbitMqBroker rabbitmq",
            "platform:data:AwsQueue jobs",
            "platform:data:AwsBackupBucket backups",
        ]);
        assert.equal(ofType(resources, "aws:s3/bucket:Bucket").length, 1);
        assert.equal(ofType(resources, "aws:backup/vaultLockConfiguration:VaultLockConfiguration").length, 0);
        assert.equal(findResource(resources, "aws:mq/broker:Broker", "rabbitmq-broker").inputs["deploymentMode"], "SINGLE_INSTANCE");
        assert.deepEqual(ofType(resources, "aws:rds/proxy:Proxy"), []);
    });

    it("prod: everything protected; Multi-AZ, RDS Proxy, a three-node cache, a broker cluster, locked and replicated backups, the copy role", async () => {
        const s = settings("prod", {
            backups: { objectLock: "governance", replicationRegion: "us-west-2", crossCloudCopy: { gcpProject: "acme-dr-prod" } },
        });
        const { resources, outputs } = await run(s);
        assert.deepEqual(components(resources).sort(), [
            "platform:data:AwsBackupBucket backups [protected]",
            "platform:data:AwsBackupPlan backup [protected]",
            "platform:data:AwsCrossCloudCopySource gcs-transfer [protected]",
            "platform:data:AwsPostgresDatabase postgres [protected]",
            "platform:data:AwsQueue jobs [protected]",
            "platform:data:AwsRabbitMqBroker rabbitmq [protected]",
            "platform:data:AwsRedisCache redis [protected]",
            "platform:observability:AwsAlarms alarms [protected]",
            "platform:security:AwsKmsKeys backups-replica-kms [protected]",
        ]);
        const db = findResource(resources, "aws:rds/instance:Instance", "postgres-db").inputs;
        assert.deepEqual(
            [
                db["multiAz"],
                db["allocatedStorage"],
                db["backupRetentionPeriod"],
                db["deletionProtection"],
                db["monitoringInterval"],
                db["dbName"],
                db["kmsKeyId"],
            ],
            [true, 500, 30, true, 15, "acme", keyArns("prod").data],
        );
        assert.equal(
            findResource(resources, "aws:elasticache/replicationGroup:ReplicationGroup", "redis-cache").inputs["numCacheClusters"],
            3,
        );
        assert.deepEqual(
            [
                findResource(resources, "aws:mq/broker:Broker", "rabbitmq-broker").inputs["deploymentMode"],
                ofType(resources, "aws:rds/proxy:Proxy").length,
            ],
            ["CLUSTER_MULTI_AZ", 1],
        );
        assert.deepEqual(
            findResource(resources, "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "backup-vault").inputs["changeableForDays"],
            undefined,
        );
        assert.deepEqual(
            ofType(resources, "pulumi:providers:aws").map((p) => p.name),
            ["acme-prod-aws", "acme-prod-aws-us-west-2"],
        );
        assert.equal(ofType(resources, "pulumi:providers:gcp")[0]?.name, "acme-prod-gcp-transfer");
        const backups = outputs["backups"] as Record<string, unknown>;
        assert.deepEqual(backups["selectionTag"], { key: "backup-plan", value: "acme-prod-backup-plan" });
        assert.equal(backups["crossCloudCopyRoleArn"], "arn:aws:iam::111111111111:role/acme-prod-backups-gcs-transfer");
        assert.equal(backups["replicaBucketName"], "acme-prod-backups-replica-111111111111-us-west-2-an");
    });

    it("the database and the backup bucket carry the backup plan's selection tag", async () => {
        const { resources } = await run(settings("staging"));
        assert.equal(
            (findResource(resources, "aws:rds/instance:Instance", "postgres-db").inputs["tags"] as Record<string, string>)["backup-plan"],
            "acme-staging-backup-plan",
        );
        assert.equal(
            (findResource(resources, "aws:s3/bucket:Bucket", "backups-bucket").inputs["tags"] as Record<string, string>)["backup-plan"],
            "acme-staging-backup-plan",
        );
    });

    it("the outputs are the data contract, without a secret value", async () => {
        const { outputs } = await run(settings("staging"));
        assert.deepEqual(Object.keys(outputs), [
            "environment",
            "cloud",
            "region",
            "postgres",
            "redis",
            "volumeStorageClass",
            "rabbitmq",
            "queue",
            "backups",
        ]);
        assert.equal(outputs["volumeStorageClass"], null, "no cluster, no storage class");
        assert.deepEqual(Object.keys(outputs["postgres"] as object), [
            "host",
            "port",
            "instanceHost",
            "readerHosts",
            "databaseName",
            "adminUsername",
            "adminSecret",
        ]);
        assert.match(String((outputs["redis"] as Record<string, unknown>)["authSecret"]), /^arn:aws:secretsmanager:/);
        assert.doesNotMatch(JSON.stringify(outputs), /password|authToken/i);
    });

    it("with the cluster: the nodes reach Postgres, the proxy, Redis and RabbitMQ, and Velero is installed through Pod Identity", async () => {
        const without = await run(settings("prod"));
        assert.deepEqual(
            ofType(without.resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.name),
            ["postgres-db-from-proxy"],
        );
        const { resources, outputs } = await run(settings("prod"), true);
        assert.equal(outputs["volumeStorageClass"], "gp3", "the cluster's default class, encrypted with the data key");
        assert.deepEqual(
            ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter((r) => r.inputs["referencedSecurityGroupId"] === "sg-nodes")
                .map((r) => `${r.name}:${String(r.inputs["fromPort"])}`)
                .sort(),
            [
                "postgres-db-from-1:5432",
                "postgres-proxy-from-1:5432",
                "rabbitmq-broker-from-1-443:443",
                "rabbitmq-broker-from-1-5671:5671",
                "redis-cache-from-1:6379",
            ],
        );
        assert.equal(
            findResource(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "velero-identity").inputs["clusterName"],
            "acme-prod-eks",
        );
        assert.equal(ofType(resources, "kubernetes:helm.sh/v3:Release").length, 1);
        assert.equal(findResource(resources, "platform:data:AwsVelero", "velero").protect, true);
    });

    it("dr: the GCP components behind the APIs and the service agents' key grants; the copy from prod; Velero with the cluster", async () => {
        const s = settings("dr", { backups: { crossCloudCopy: { sourceAwsAccountId: "111111111111" } } });
        const { resources, outputs } = await run(s, true);
        assert.deepEqual(components(resources), [
            "platform:network:GcpProjectServices data-apis",
            "platform:data:GcpDataServiceAgents data-agents",
            "platform:data:GcpPostgresDatabase postgres [protected]",
            "platform:data:GcpRedisCache redis [protected]",
            "platform:data:GcpQueue jobs [protected]",
            "platform:data:GcpBackupBucket backups [protected]",
            "platform:data:GcsTransferJob cross-cloud-copy [protected]",
            "platform:data:GkeCmekStorageClass volumes [protected]",
            "platform:data:GcpVelero velero [protected]",
        ]);
        assert.equal(outputs["volumeStorageClass"], "pd-balanced-cmek");
        const storageClass = findResource(resources, "kubernetes:storage.k8s.io/v1:StorageClass", "volumes-class").inputs;
        assert.deepEqual(
            [(storageClass["parameters"] as Record<string, unknown>)["disk-encryption-kms-key"], storageClass["reclaimPolicy"]],
            [gcpFoundation.kmsKeyIds.data, "Retain"],
        );
        assert.deepEqual(
            ofType(resources, "gcp:projects/service:Service").map((r) => r.inputs["service"]),
            [
                "sqladmin.googleapis.com",
                "redis.googleapis.com",
                "pubsub.googleapis.com",
                "secretmanager.googleapis.com",
                "storage.googleapis.com",
                "storagetransfer.googleapis.com",
                "iam.googleapis.com",
                "monitoring.googleapis.com",
            ],
        );
        // No one to notify in this config: no alert policies.
        assert.equal(ofType(resources, "gcp:monitoring/alertPolicy:AlertPolicy").length, 0);
        const grants = ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((g) => g.urn);
        for (const name of ["postgres-db", "redis-cache"]) {
            const r = resources.find((x) => x.name === name && x.custom);
            assert.ok(r && grants.every((g) => r.dependencies.includes(g)), `${name} waits for the key grants`);
        }
        assert.equal(
            findResource(resources, "gcp:sql/databaseInstance:DatabaseInstance", "postgres-db").inputs["settings"] !== undefined,
            true,
        );
        assert.equal(findResource(resources, "gcp:redis/instance:Instance", "redis-cache").inputs["tier"], "STANDARD_HA");
        const backups = outputs["backups"] as Record<string, unknown>;
        assert.deepEqual(Object.keys(backups), ["bucketName", "transferServiceAccount", "crossCloudCopyJob"]);
        assert.match(String((backups["transferServiceAccount"] as Record<string, string>)["subjectId"]), /^\d{21}$/);
        assert.deepEqual(
            countByType(resources).find((c) => c.type === "gcp:storage/transferJob:TransferJob"),
            { type: "gcp:storage/transferJob:TransferJob", count: 1 },
        );
    });

    it("dr with platform:alerts: Cloud Monitoring policies on the database and the cache, an uptime check on the endpoint", async () => {
        const s = parsePlatformConfig(
            {
                ...base,
                environment: "dr",
                gcpProject: "acme-dr-prod",
                network: { cidr: CIDRS.dr },
                alerts: { emails: ["oncall@acme.example.com"], uptimeCheck: { host: "dr.acme.example.com", path: "/healthz" } },
            },
            { today: TODAY },
        );
        const { resources } = await run(s);
        assert.ok(components(resources).includes("platform:observability:GcpAlerts alerts [protected]"));
        assert.deepEqual(
            ofType(resources, "gcp:monitoring/alertPolicy:AlertPolicy")
                .map((p) => [
                    p.name,
                    ((p.inputs["conditions"] as Array<Record<string, Record<string, unknown>>>)[0]?.["conditionThreshold"] ?? {})[
                        "thresholdValue"
                    ],
                ])
                .sort(([a], [b]) => String(a).localeCompare(String(b))),
            [
                ["alerts-redis-evictions", 0],
                ["alerts-redis-memory", 0.9],
                ["alerts-sql-connections", 400],
                ["alerts-sql-cpu", 0.8],
                ["alerts-sql-disk", 0.8],
                ["alerts-uptime", 1],
            ],
        );
        const filter = (name: string) =>
            String(
                ((
                    findResource(resources, "gcp:monitoring/alertPolicy:AlertPolicy", name).inputs["conditions"] as Array<
                        Record<string, Record<string, unknown>>
                    >
                )[0]?.["conditionThreshold"] ?? {})["filter"],
            );
        assert.match(filter("alerts-sql-cpu"), / AND resource\.labels\.database_id = "acme-dr-prod:acme-dr-postgres-db"$/);
        assert.match(
            filter("alerts-redis-memory"),
            / AND resource\.labels\.instance_id = "projects\/acme-dr-prod\/locations\/us-west1\/instances\/[a-z0-9-]+"$/,
        );
        assert.deepEqual(
            ofType(resources, "gcp:monitoring/notificationChannel:NotificationChannel").map((c) => c.inputs["labels"]),
            [{ email_address: "oncall@acme.example.com" }],
        );
        assert.equal(ofType(resources, "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig").length, 1);
    });

    it("refuses a provider of the other cloud", async () => {
        await assert.rejects(
            synthesize({
                project: "data",
                stack: "dev",
                program: () => dataLayer(settings("dev"), new gcp.Provider("g", { project: "acme-dr-prod" }), awsFoundation("dev", 2)),
            }),
            /data layer: settings say aws, but the provider is Provider or the foundation's outputs are not AWS's/,
        );
    });

    it("Redis nodes: one per AZ up to three where highly available, else one", () => {
        assert.deepEqual([redisNodes(false, 3), redisNodes(true, 2), redisNodes(true, 3), redisNodes(true, 4)], [1, 2, 3, 3]);
    });

    it("a second-region provider carries the ownership tags and the account pin of the stack's", async () => {
        const s = settings("prod");
        const { resources } = await synthesize({
            project: "data",
            stack: "prod",
            program: () => {
                if (s.cloud === "aws") createAwsProviderInRegion({ ...s, awsAccountId: "123456789012" }, "us-west-2");
            },
        });
        const provider = findResource(resources, "pulumi:providers:aws", "acme-prod-aws-us-west-2");
        assert.equal(provider.inputs["region"], "us-west-2");
        assert.deepEqual(JSON.parse(String(provider.inputs["allowedAccountIds"])), ["123456789012"]);
        assert.deepEqual((JSON.parse(String(provider.inputs["defaultTags"])) as { tags: Record<string, string> }).tags, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
        void aws;
    });
});
