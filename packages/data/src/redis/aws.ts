/**
 * Redis on ElastiCache (a replication group, cluster mode off): Multi-AZ with automatic failover
 * per profile, TLS required in transit, encrypted at rest with the `data` key, AUTH with a generated
 * token kept in Secrets Manager (with the `secrets` key), daily snapshots kept per the backup
 * retention, slow and engine logs in log groups with the `logs` key, in the isolated subnets behind
 * a security group that admits 6379 from the cluster's nodes only.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkLogRetentionDays, checkWholeNumber, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { serviceLogGroup } from "../aws/log-group.js";
import { awsSecret, generatedPassword } from "../aws/secret.js";
import { dataSecurityGroup } from "../aws/security-group.js";
import { AWS_SHAPES } from "../sizing.js";
import { type RedisCache, type RedisCacheArgs, validateRedisArgs } from "./types.js";

export const REDIS_PORT = 6379;
/** The Redis OSS version (the seeds run redis:7.0; 7.1 is ElastiCache's current 7.x). */
export const ELASTICACHE_REDIS_VERSION = "7.1";
/** AUTH token rules: 16-128 printable characters; of the specials ElastiCache allows only these. */
export const ELASTICACHE_AUTH_TOKEN = { length: 64, specialCharacters: "!&#$^<>-" } as const;
/** Snapshots 01:00-02:00 UTC (after RDS, before AWS Backup at 02:00), maintenance Sunday 05:00-06:00. */
export const ELASTICACHE_SNAPSHOT_WINDOW = "01:00-02:00";
export const ELASTICACHE_MAINTENANCE_WINDOW = "sun:05:00-sun:06:00";
export const ELASTICACHE_LOGS = ["slow-log", "engine-log"] as const;

export interface AwsRedisCacheArgs extends RedisCacheArgs {
    readonly vpcId: pulumi.Input<string>;
    /** The foundation's isolated subnets. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups allowed to connect on 6379 (the cluster's nodes). Plain list. Empty: nothing connects. */
    readonly allowedSecurityGroupIds: readonly pulumi.Input<string>[];
    /** The foundation's `data` key (at rest). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The foundation's `secrets` key (the AUTH token's secret). */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** The foundation's `logs` key (slow and engine logs). */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Days the logs are kept (a CloudWatch Logs retention value). */
    readonly logRetentionDays: number;
    /** Days daily snapshots are kept (0..35): the profile's `data.backupRetentionDays`. */
    readonly snapshotRetentionDays: number;
    /**
     * Cache nodes: one primary, the rest replicas spread over the zones. Plain value.
     * @default 2 with highAvailability (Multi-AZ needs a replica), else 1
     */
    readonly nodes?: number;
    /** Extra tags. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

export class AwsRedisCache extends DataComponent implements RedisCache {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly authSecret: pulumi.Output<string>;
    /** The replicas' reader endpoint. */
    readonly readerHost: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly replicationGroup: aws.elasticache.ReplicationGroup;

    constructor(name: string, args: AwsRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsRedisCache", name, args.naming, opts);
        const nodes = args.nodes ?? (args.highAvailability ? 2 : 1);
        this.validate(validateAwsRedisCacheArgs(args, nodes));
        const children = this.children;
        const groupId = children.physical("cache", "elasticache");

        const subnetGroup = new aws.elasticache.SubnetGroup(
            children.name("subnets"),
            { name: children.physical("subnets", "elasticache"), description: `${groupId}: isolated subnets`, subnetIds: args.subnetIds },
            children.options(),
        );
        const sg = dataSecurityGroup(children, "cache", {
            vpcId: args.vpcId,
            port: REDIS_PORT,
            allowedSecurityGroupIds: args.allowedSecurityGroupIds,
            service: "Redis",
        });
        const logGroups = ELASTICACHE_LOGS.map((log) =>
            serviceLogGroup(children, log, {
                name: `/aws/elasticache/${groupId}/${log}`,
                retentionDays: args.logRetentionDays,
                kmsKeyArn: args.logsKmsKeyArn,
            }),
        );
        const password = generatedPassword(children, "auth", ELASTICACHE_AUTH_TOKEN);
        this.replicationGroup = new aws.elasticache.ReplicationGroup(
            children.name("cache"),
            {
                replicationGroupId: groupId,
                description: `Redis for ${children.prefix} (TLS and AUTH required)`,
                engine: "redis",
                engineVersion: ELASTICACHE_REDIS_VERSION,
                nodeType: AWS_SHAPES[args.size].redis,
                port: REDIS_PORT,
                numCacheClusters: nodes,
                automaticFailoverEnabled: args.highAvailability,
                multiAzEnabled: args.highAvailability,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [sg.group.id],
                atRestEncryptionEnabled: true,
                kmsKeyId: args.kmsKeyArn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken: password.result,
                snapshotRetentionLimit: args.snapshotRetentionDays,
                snapshotWindow: ELASTICACHE_SNAPSHOT_WINDOW,
                maintenanceWindow: ELASTICACHE_MAINTENANCE_WINDOW,
                ...(args.deletionProtection ? { finalSnapshotIdentifier: `${groupId}-final` } : {}),
                autoMinorVersionUpgrade: true,
                applyImmediately: false,
                logDeliveryConfigurations: logGroups.map((group, i) => ({
                    destination: group.name,
                    destinationType: "cloudwatch-logs",
                    logFormat: "json",
                    logType: ELASTICACHE_LOGS[i] ?? "slow-log",
                })),
                tags: { ...args.tags, Name: groupId },
            },
            children.stateful({ additionalSecretOutputs: ["authToken"] }),
        );
        const auth = awsSecret(children, "auth", {
            description: `AUTH token of the Redis cache ${groupId} (TLS required)`,
            kmsKeyArn: args.secretsKmsKeyArn,
            recoveryWindowDays: 30,
            document: pulumi
                .all([password.result, this.replicationGroup.primaryEndpointAddress])
                .apply(([authToken, host]) => ({ authToken, host, port: REDIS_PORT, tls: true })),
        });
        this.host = this.replicationGroup.primaryEndpointAddress;
        this.readerHost = this.replicationGroup.readerEndpointAddress;
        this.port = pulumi.output(REDIS_PORT);
        this.authSecret = auth.secret.arn;
        this.securityGroupId = sg.group.id;
        this.complete("host", "port", "authSecret", "readerHost", "securityGroupId");
    }
}

/** Every problem with AwsRedisCache's arguments. */
export function validateAwsRedisCacheArgs(args: AwsRedisCacheArgs, nodes: number): Issue[] {
    const issues = [
        ...validateRedisArgs(args),
        ...checkWholeNumber("nodes", nodes, { min: 1, max: 6 }, "use 1 to 6 nodes (one primary and up to five replicas)"),
        ...checkWholeNumber("snapshotRetentionDays", args.snapshotRetentionDays, { min: 1, max: 35 }, "keep 1 to 35 days of snapshots"),
        ...checkLogRetentionDays("logRetentionDays", args.logRetentionDays),
    ];
    if (args.highAvailability && Number.isInteger(nodes) && nodes < 2) {
        issues.push({
            field: "nodes",
            value: nodes,
            problem: "is below 2, but Multi-AZ with automatic failover needs a replica",
            fix: "use 2 or more nodes, or turn highAvailability off",
        });
    }
    return issues;
}
