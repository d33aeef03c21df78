/**
 * Postgres on RDS (model: terraform-aws-modules/rds): an encrypted gp3 instance with storage
 * autoscaling up to a ceiling, Multi-AZ per profile, the master password managed by RDS in Secrets
 * Manager with the `secrets` key (never in config or state), IAM database authentication,
 * Performance Insights and enhanced monitoring, server and upgrade logs in log groups with the
 * `logs` key, a parameter group that requires TLS and logs what matters, in the isolated subnets
 * behind a security group that admits 5432 from the cluster's nodes only. Optional read replicas and
 * an RDS Proxy (end-to-end IAM authentication) in front of the primary.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkLogRetentionDays, checkOneOf, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { awsManagedPolicyArn, serviceTrustPolicy } from "../aws/iam.js";
import { serviceLogGroup } from "../aws/log-group.js";
import { dataSecurityGroup } from "../aws/security-group.js";
import { AWS_SHAPES } from "../sizing.js";
import {
    MONITORING_INTERVALS,
    RDS_BACKUP_WINDOW,
    RDS_CA_CERTIFICATE,
    RDS_LOG_EXPORTS,
    RDS_MAINTENANCE_WINDOW,
    rdsLogGroupName,
    rdsParameterFamily,
    rdsParameters,
} from "./aws-plan.js";
import { type RdsProxy, rdsProxy } from "./aws-proxy.js";
import { type PostgresDatabase, type PostgresDatabaseArgs, resolvePostgresArgs, validatePostgresArgs } from "./types.js";

export const POSTGRES_PORT = 5432;

/** How clients reach the primary (docs/decisions.md "Connection pooling"). */
export const AWS_CONNECTION_POOLING = ["rdsProxy", "none"] as const;
export type AwsConnectionPooling = (typeof AWS_CONNECTION_POOLING)[number];

export interface AwsPostgresDatabaseArgs extends PostgresDatabaseArgs {
    /** The foundation's VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** The foundation's isolated subnets (no route to the internet), one per AZ. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups allowed to connect on 5432: the cluster's node security group. Plain list (it
     * decides how many rules exist). Empty: nothing can connect until the cluster layer exists.
     */
    readonly allowedSecurityGroupIds: readonly pulumi.Input<string>[];
    /** ARN of the foundation's `data` key: storage, snapshots and Performance Insights. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** ARN of the foundation's `secrets` key: the RDS-managed master user secret. */
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** ARN of the foundation's `logs` key: the exported server and upgrade logs. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Days the exported logs are kept (a CloudWatch Logs retention value): the profile's `logRetentionDays`. */
    readonly logRetentionDays: number;
    /**
     * `rdsProxy`: clients connect through an RDS Proxy (connection pooling, TLS required, end-to-end
     * IAM authentication, connections held through a failover); `none`: straight to the primary.
     * @default "none"
     */
    readonly connectionPooling?: AwsConnectionPooling;
    /**
     * Enhanced monitoring granularity in seconds (1, 5, 10, 15, 30 or 60).
     * @default 60
     */
    readonly monitoringIntervalSeconds?: number;
    /**
     * Performance Insights retention in days: 7 (free) or a multiple of 31 up to 731.
     * @default 7
     */
    readonly performanceInsightsRetentionDays?: number;
    /** Extra tags on the instances, e.g. the AWS Backup selection tag. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Protection: pass `{ protect: true }` (prod and dr do): the instances, secrets and log groups are
 * protected and retained on delete; `deletionProtection` and a final snapshot guard the database
 * at the service level too.
 */
export class AwsPostgresDatabase extends DataComponent implements PostgresDatabase {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly instanceHost: pulumi.Output<string>;
    readonly readerHosts: pulumi.Output<string[]>;
    readonly databaseName: string;
    readonly adminUsername: string;
    readonly adminSecret: pulumi.Output<string>;
    /** The primary's identifier, ARN and DBI resource id (IAM `rds-db:connect` policies name it). */
    readonly instanceIdentifier: pulumi.Output<string>;
    readonly instanceArn: pulumi.Output<string>;
    readonly resourceId: pulumi.Output<string>;
    /** The database's security group (rules from other groups may be added to it). */
    readonly securityGroupId: pulumi.Output<string>;
    readonly instance: aws.rds.Instance;
    readonly replicas: readonly aws.rds.Instance[];
    readonly proxy: RdsProxy | undefined;

    constructor(name: string, args: AwsPostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsPostgresDatabase", name, args.naming, opts);
        const resolved = resolvePostgresArgs(args);
        const pooling = args.connectionPooling ?? "none";
        const monitoringInterval = args.monitoringIntervalSeconds ?? 60;
        const piRetention = args.performanceInsightsRetentionDays ?? 7;
        this.validate(validateAwsPostgresDatabaseArgs(args, pooling, monitoringInterval, piRetention));
        const { majorVersion } = resolved;
        const children = this.children;
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const identifier = children.physical("db", "rds");
        const shape = AWS_SHAPES[args.size];

        const subnetGroup = new aws.rds.SubnetGroup(
            children.name("subnets"),
            { name: children.physical("subnets", "rds"), description: `${identifier}: isolated subnets`, subnetIds: args.subnetIds },
            children.options(),
        );
        const sg = dataSecurityGroup(children, "db", {
            vpcId: args.vpcId,
            port: POSTGRES_PORT,
            allowedSecurityGroupIds: args.allowedSecurityGroupIds,
            service: "Postgres",
        });
        const parameterGroup = new aws.rds.ParameterGroup(
            children.name("params"),
            {
                name: children.physical("params", "rds"),
                family: rdsParameterFamily(majorVersion),
                description: `${identifier}: TLS required, connection, DDL and slow-statement logging`,
                parameters: rdsParameters(),
            },
            children.options(),
        );
        const monitoringRole = new aws.iam.Role(
            children.name("monitoring"),
            {
                name: children.physical("monitoring", "iamRole"),
                description: `RDS enhanced monitoring of ${identifier}`,
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("monitoring.rds.amazonaws.com")),
            },
            children.options(),
        );
        const monitoringPolicy = new aws.iam.RolePolicyAttachment(
            children.name("monitoring"),
            {
                role: monitoringRole.name,
                policyArn: partition.apply((p) => awsManagedPolicyArn(p, "service-role/AmazonRDSEnhancedMonitoringRole")),
            },
            children.options(),
        );

        const logGroups = (id: string, child: string) =>
            RDS_LOG_EXPORTS.map((log) =>
                serviceLogGroup(children, `${child}-${log}-logs`, {
                    name: rdsLogGroupName(id, log),
                    retentionDays: args.logRetentionDays,
                    kmsKeyArn: args.logsKmsKeyArn,
                }),
            );
        const common = {
            instanceClass: shape.postgres,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            dbSubnetGroupName: subnetGroup.name,
            vpcSecurityGroupIds: [sg.group.id],
            parameterGroupName: parameterGroup.name,
            publiclyAccessible: false,
            networkType: "IPV4",
            iamDatabaseAuthenticationEnabled: true,
            caCertIdentifier: RDS_CA_CERTIFICATE,
            enabledCloudwatchLogsExports: [...RDS_LOG_EXPORTS],
            monitoringInterval,
            monitoringRoleArn: monitoringRole.arn,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: args.kmsKeyArn,
            performanceInsightsRetentionPeriod: piRetention,
            autoMinorVersionUpgrade: true,
            allowMajorVersionUpgrade: false,
            maintenanceWindow: RDS_MAINTENANCE_WINDOW,
            deletionProtection: args.deletionProtection,
            copyTagsToSnapshot: true,
            applyImmediately: false,
        } satisfies Partial<aws.rds.InstanceArgs>;

        this.instance = new aws.rds.Instance(
            children.name("db"),
            {
                ...common,
                identifier,
                engine: "postgres",
                engineVersion: majorVersion,
                dbName: resolved.databaseName,
                username: resolved.adminUsername,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.secretsKmsKeyArn,
                port: POSTGRES_PORT,
                allocatedStorage: args.storageGb,
                maxAllocatedStorage: resolved.maxStorageGb,
                multiAz: args.highAvailability,
                backupRetentionPeriod: args.backupRetentionDays,
                backupWindow: RDS_BACKUP_WINDOW,
                deleteAutomatedBackups: false,
                skipFinalSnapshot: !args.deletionProtection,
                ...(args.deletionProtection ? { finalSnapshotIdentifier: `${identifier}-final` } : {}),
                tags: { ...args.tags, Name: identifier },
            },
            children.stateful({ dependsOn: [...logGroups(identifier, "db"), monitoringPolicy] }),
        );

        this.replicas = Array.from({ length: resolved.readReplicas }, (_, i) => {
            const replicaId = children.physical(`replica-${i + 1}`, "rds");
            return new aws.rds.Instance(
                children.name(`replica-${i + 1}`),
                {
                    ...common,
                    identifier: replicaId,
                    replicateSourceDb: this.instance.identifier,
                    multiAz: false,
                    // A replica's own backups would duplicate the primary's; it is rebuilt from the primary.
                    backupRetentionPeriod: 0,
                    skipFinalSnapshot: true,
                    tags: { ...args.tags, Name: replicaId },
                },
                children.stateful({ dependsOn: [...logGroups(replicaId, `replica-${i + 1}`), monitoringPolicy] }),
            );
        });

        this.proxy =
            pooling === "rdsProxy"
                ? rdsProxy(children, {
                      partition,
                      instance: this.instance,
                      databaseSecurityGroupId: sg.group.id,
                      vpcId: args.vpcId,
                      subnetIds: args.subnetIds,
                      allowedSecurityGroupIds: args.allowedSecurityGroupIds,
                      port: POSTGRES_PORT,
                  })
                : undefined;

        this.databaseName = resolved.databaseName;
        this.adminUsername = resolved.adminUsername;
        this.instanceHost = this.instance.address;
        this.host = this.proxy ? this.proxy.proxy.endpoint : this.instance.address;
        this.port = pulumi.output(POSTGRES_PORT);
        this.readerHosts = pulumi.all(this.replicas.map((r) => r.address));
        this.adminSecret = this.instance.masterUserSecrets.apply((secrets) => secrets[0]?.secretArn ?? "");
        this.instanceIdentifier = this.instance.identifier;
        this.instanceArn = this.instance.arn;
        this.resourceId = this.instance.resourceId;
        this.securityGroupId = sg.group.id;
        this.complete(
            "host",
            "port",
            "instanceHost",
            "readerHosts",
            "databaseName",
            "adminUsername",
            "adminSecret",
            "instanceIdentifier",
            "instanceArn",
            "resourceId",
            "securityGroupId",
        );
    }
}

/** Every problem with AwsPostgresDatabase's arguments. */
export function validateAwsPostgresDatabaseArgs(
    args: AwsPostgresDatabaseArgs,
    pooling: string,
    monitoringIntervalSeconds: number,
    performanceInsightsRetentionDays: number,
): Issue[] {
    const issues = [
        ...validatePostgresArgs(args, resolvePostgresArgs(args)),
        ...checkOneOf("connectionPooling", pooling, AWS_CONNECTION_POOLING),
        ...checkOneOf("monitoringIntervalSeconds", monitoringIntervalSeconds, MONITORING_INTERVALS),
        ...checkLogRetentionDays("logRetentionDays", args.logRetentionDays),
    ];
    const pi = performanceInsightsRetentionDays;
    if (!(pi === 7 || (Number.isInteger(pi) && pi % 31 === 0 && pi >= 31 && pi <= 731))) {
        issues.push({
            field: "performanceInsightsRetentionDays",
            value: pi,
            problem: "is not a retention Performance Insights accepts",
            fix: "use 7 (free) or a multiple of 31 up to 731, e.g. 93",
        });
    }
    return issues;
}
