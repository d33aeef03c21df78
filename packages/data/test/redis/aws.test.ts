import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsRedisCache, type AwsRedisCacheArgs } from "../../src/index.js";
import { awsProfile, DATA_KEY, LOGS_KEY, protection, SECRETS_KEY, synth } from "../helpers.js";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

function args(env: "dev" | "staging" | "prod", extra: Partial<AwsRedisCacheArgs> = {}): AwsRedisCacheArgs {
    const p = awsProfile(env);
    return {
        naming: p.naming,
        size: p.size,
        highAvailability: p.highAvailability,
        deletionProtection: p.deletionProtection,
        snapshotRetentionDays: p.backupRetentionDays,
        vpcId: "vpc-0a1",
        subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        allowedSecurityGroupIds: ["sg-nodes"],
        kmsKeyArn: DATA_KEY,
        secretsKmsKeyArn: SECRETS_KEY,
        logsKmsKeyArn: LOGS_KEY,
        logRetentionDays: 30,
        ...extra,
    };
}

function run(a: AwsRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const cache = new AwsRedisCache("redis", a, opts);
        return { host: cache.host, port: cache.port, authSecret: cache.authSecret, readerHost: cache.readerHost };
    });
}

describe("AwsRedisCache", () => {
    it("creates the replication group, its subnet group, security group and rule, two log groups and the AUTH secret", async () => {
        const { resources } = await run(args("prod"));
        assert.deepEqual(countByType(resources), [
            { type: "aws:cloudwatch/logGroup:LogGroup", count: 2 },
            { type: "aws:ec2/securityGroup:SecurityGroup", count: 1 },
            { type: GROUP, count: 1 },
            { type: "aws:elasticache/subnetGroup:SubnetGroup", count: 1 },
            { type: "aws:secretsmanager/secret:Secret", count: 1 },
            { type: "aws:secretsmanager/secretVersion:SecretVersion", count: 1 },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", count: 1 },
            { type: "platform:data:AwsRedisCache", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
            { type: "random:index/randomPassword:RandomPassword", count: 1 },
        ]);
    });

    it("prod: every input of the replication group", async () => {
        const { resources } = await run(args("prod", { nodes: 3 }));
        const group = findResource(resources, GROUP, "redis-cache");
        const password = findResource(resources, "random:index/randomPassword:RandomPassword", "redis-auth-password");
        assert.deepEqual(group.inputs, {
            replicationGroupId: "acme-prod-redis-cache",
            description: "Redis for acme-prod-redis (TLS and AUTH required)",
            engine: "redis",
            engineVersion: "7.1",
            nodeType: "cache.r7g.xlarge",
            port: 6379,
            numCacheClusters: 3,
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            subnetGroupName: "acme-prod-redis-subnets",
            securityGroupIds: [findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "redis-cache").id],
            atRestEncryptionEnabled: true,
            kmsKeyId: DATA_KEY,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            authToken: password.outputs["result"],
            snapshotRetentionLimit: 30,
            snapshotWindow: "01:00-02:00",
            maintenanceWindow: "sun:05:00-sun:06:00",
            finalSnapshotIdentifier: "acme-prod-redis-cache-final",
            autoMinorVersionUpgrade: true,
            applyImmediately: false,
            logDeliveryConfigurations: ["slow-log", "engine-log"].map((log) => ({
                destination: `/aws/elasticache/acme-prod-redis-cache/${log}`,
                destinationType: "cloudwatch-logs",
                logFormat: "json",
                logType: log,
            })),
            tags: { Name: "acme-prod-redis-cache" },
        });
    });

    it("dev: one node, no failover, no final snapshot, 7 days of snapshots", async () => {
        const group = findResource((await run(args("dev"))).resources, GROUP, "redis-cache").inputs;
        assert.deepEqual(
            [
                group["nodeType"],
                group["numCacheClusters"],
                group["automaticFailoverEnabled"],
                group["multiAzEnabled"],
                group["finalSnapshotIdentifier"],
                group["snapshotRetentionLimit"],
            ],
            ["cache.t4g.small", 1, false, false, undefined, 7],
        );
        const staging = findResource((await run(args("staging"))).resources, GROUP, "redis-cache").inputs;
        assert.deepEqual([staging["nodeType"], staging["numCacheClusters"], staging["multiAzEnabled"]], ["cache.r7g.large", 2, true]);
    });

    it("the AUTH token is generated, a secret in state, kept in Secrets Manager with the secrets key, and no output shows it", async () => {
        const { resources, outputs } = await run(args("prod"));
        const group = findResource(resources, GROUP, "redis-cache");
        const password = findResource(resources, "random:index/randomPassword:RandomPassword", "redis-auth-password");
        assert.deepEqual(password.inputs, {
            length: 64,
            special: true,
            overrideSpecial: "!&#$^<>-",
            minSpecial: 1,
            minUpper: 1,
            minLower: 1,
            minNumeric: 1,
        });
        assert.deepEqual(group.secretInputs, ["authToken"]);
        assert.deepEqual(findResource(resources, "aws:secretsmanager/secret:Secret", "redis-auth").inputs, {
            name: "acme-prod-redis-auth",
            description: "AUTH token of the Redis cache acme-prod-redis-cache (TLS required)",
            kmsKeyId: SECRETS_KEY,
            recoveryWindowInDays: 30,
        });
        const version = findResource(resources, "aws:secretsmanager/secretVersion:SecretVersion", "redis-auth");
        assert.deepEqual(version.secretInputs, ["secretString"]);
        assert.deepEqual(JSON.parse(String(version.inputs["secretString"])), {
            authToken: password.outputs["result"],
            host: group.outputs["primaryEndpointAddress"],
            port: 6379,
            tls: true,
        });
        assert.match(
            String(outputs["authSecret"]),
            /^arn:aws:secretsmanager:us-east-1:111111111111:secret:acme-prod-redis-auth-[0-9a-f]{6}$/,
        );
        assert.ok(!JSON.stringify(outputs).includes(String(password.outputs["result"])));
        assert.deepEqual([outputs["port"], outputs["host"]], [6379, group.outputs["primaryEndpointAddress"]]);
    });

    it("6379 only from the allowed security groups, in the isolated subnets; logs with the logs key", async () => {
        const { resources } = await run(args("prod"));
        assert.deepEqual(
            ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [
                r.inputs["referencedSecurityGroupId"],
                r.inputs["fromPort"],
                r.inputs["toPort"],
            ]),
            [["sg-nodes", 6379, 6379]],
        );
        assert.deepEqual(findResource(resources, "aws:elasticache/subnetGroup:SubnetGroup", "redis-subnets").inputs["subnetIds"], [
            "subnet-a",
            "subnet-b",
            "subnet-c",
        ]);
        assert.deepEqual(
            ofType(resources, "aws:cloudwatch/logGroup:LogGroup").map((g) => g.inputs),
            ["slow-log", "engine-log"].map((log) => ({
                name: `/aws/elasticache/acme-prod-redis-cache/${log}`,
                retentionInDays: 30,
                kmsKeyId: LOGS_KEY,
            })),
        );
    });

    it("protect: true protects every child; the cache, its logs and its secret are retained", async () => {
        const lines = protection((await run(args("prod"), { protect: true })).resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            [
                "redis-auth aws:secretsmanager/secret:Secret protect=true retain=true",
                "redis-cache aws:elasticache/replicationGroup:ReplicationGroup protect=true retain=true",
                "redis-engine-log aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
                "redis-slow-log aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
            ],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsRedisCacheArgs>, Array<[string, string]>]> = [
            ["an unknown size", { size: "tiny" as never }, [["size", "is not an allowed value"]]],
            ["seven nodes", { nodes: 7 }, [["nodes", "must be a whole number from 1 to 6"]]],
            [
                "one node with high availability",
                { nodes: 1 },
                [["nodes", "is below 2, but Multi-AZ with automatic failover needs a replica"]],
            ],
            ["no snapshots", { snapshotRetentionDays: 0 }, [["snapshotRetentionDays", "must be a whole number from 1 to 35"]]],
            [
                "a log retention CloudWatch does not offer",
                { logRetentionDays: 2 },
                [["logRetentionDays", "is not a retention CloudWatch Logs accepts"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(args("prod", override)))), expected);
            });
        }
    });
});
