/**
 * Postgres on Cloud SQL (model: Cloud Foundation Fabric's cloudsql-instance): REGIONAL (a standby in
 * a second zone) per profile, a private IP only, through the foundation's private service access
 * range, TLS required, encrypted with the foundation's `data` key (CMEK), daily backups with
 * point-in-time recovery (seed 002), deletion protection at the API and in Pulumi, a final backup
 * kept on delete, a maintenance window, connection and slow-statement logging flags and Query
 * Insights. The administrator's password is generated and kept in Secret Manager with the
 * `secrets` key; applications authenticate with IAM (`cloudsql.iam_authentication`).
 *
 * Depends on {@link GcpDataServiceAgents}: Cloud SQL's agent must be allowed to use the key first.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { checkGcpProject, checkRegion, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { passwordArgs } from "../password.js";
import { gcpSecret } from "../gcp/secret.js";
import { GCP_SHAPES } from "../sizing.js";
import {
    CLOUD_SQL_INSIGHTS,
    CLOUD_SQL_MAINTENANCE_WINDOW,
    cloudSqlBackupConfiguration,
    cloudSqlDatabaseVersion,
    cloudSqlFlags,
} from "./gcp-plan.js";
import { type PostgresDatabase, type PostgresDatabaseArgs, resolvePostgresArgs, validatePostgresArgs } from "./types.js";

export interface GcpPostgresDatabaseArgs extends PostgresDatabaseArgs {
    readonly project: string;
    readonly region: string;
    /** The foundation's VPC (`networkId`): the instance gets a private IP in it. */
    readonly networkId: pulumi.Input<string>;
    /** The foundation's private service access range: where the private IP comes from. */
    readonly privateServiceAccessRange: pulumi.Input<string>;
    /** The foundation's `data` key (CMEK). */
    readonly kmsKeyName: pulumi.Input<string>;
    /** The foundation's `secrets` key, for the administrator's secret. */
    readonly secretsKmsKeyName: pulumi.Input<string>;
    /**
     * Labels on the instance (`settings.userLabels` does not receive the provider's default labels,
     * so the stack passes the ownership labels here). @default {}
     */
    readonly labels?: Readonly<Record<string, string>>;
}

/** The administrator's password: 32 characters, with symbols Cloud SQL and connection strings accept. */
export const CLOUD_SQL_PASSWORD = { length: 32, specialCharacters: "-_.~!#%^*+=" } as const;

export class GcpPostgresDatabase extends DataComponent implements PostgresDatabase {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly instanceHost: pulumi.Output<string>;
    readonly readerHosts: pulumi.Output<string[]>;
    readonly databaseName: string;
    readonly adminUsername: string;
    readonly adminSecret: pulumi.Output<string>;
    /** `<project>:<region>:<name>`: what the Cloud SQL Auth Proxy and connectors take. */
    readonly connectionName: pulumi.Output<string>;
    readonly instance: gcp.sql.DatabaseInstance;
    readonly replicas: readonly gcp.sql.DatabaseInstance[];

    constructor(name: string, args: GcpPostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpPostgresDatabase", name, args.naming, opts);
        const resolved = resolvePostgresArgs(args);
        this.validate(validateGcpPostgresDatabaseArgs(args));
        const children = this.children;
        const instanceName = children.physical("db", "gcp");
        const ipConfiguration = {
            ipv4Enabled: false,
            privateNetwork: args.networkId,
            allocatedIpRange: args.privateServiceAccessRange,
            sslMode: "ENCRYPTED_ONLY",
            enablePrivatePathForGoogleCloudServices: false,
        };
        const common = {
            project: args.project,
            region: args.region,
            databaseVersion: cloudSqlDatabaseVersion(resolved.majorVersion),
            encryptionKeyName: args.kmsKeyName,
            deletionProtection: args.deletionProtection,
        };
        const settings = {
            tier: GCP_SHAPES[args.size].postgres,
            edition: "ENTERPRISE",
            diskType: "PD_SSD",
            diskAutoresize: true,
            diskAutoresizeLimit: resolved.maxStorageGb,
            ipConfiguration,
            databaseFlags: cloudSqlFlags(),
            insightsConfig: CLOUD_SQL_INSIGHTS,
            maintenanceWindow: CLOUD_SQL_MAINTENANCE_WINDOW,
            deletionProtectionEnabled: args.deletionProtection,
            userLabels: { ...args.labels },
        };

        this.instance = new gcp.sql.DatabaseInstance(
            children.name("db"),
            {
                ...common,
                name: instanceName,
                settings: {
                    ...settings,
                    availabilityType: args.highAvailability ? "REGIONAL" : "ZONAL",
                    diskSize: args.storageGb,
                    backupConfiguration: cloudSqlBackupConfiguration(args.backupRetentionDays, args.pointInTimeRecovery),
                    retainBackupsOnDelete: args.deletionProtection,
                    ...(args.deletionProtection ? { finalBackupConfig: { enabled: true, retentionDays: args.backupRetentionDays } } : {}),
                },
            },
            children.stateful(),
        );
        const database = new gcp.sql.Database(
            children.name("app"),
            { project: args.project, instance: this.instance.name, name: resolved.databaseName, deletionPolicy: "ABANDON" },
            children.stateful(),
        );

        const password = new random.RandomPassword(children.name("admin-password"), passwordArgs(CLOUD_SQL_PASSWORD), children.options());
        const secret = gcpSecret(children, "admin", {
            project: args.project,
            region: args.region,
            kmsKeyName: args.secretsKmsKeyName,
            deletionProtection: args.deletionProtection,
            value: pulumi
                .all([this.instance.privateIpAddress, password.result])
                .apply(([host, pw]) =>
                    JSON.stringify({ username: resolved.adminUsername, password: pw, host, port: 5432, dbname: resolved.databaseName }),
                ),
        });
        new gcp.sql.User(
            children.name("admin"),
            {
                project: args.project,
                instance: this.instance.name,
                name: resolved.adminUsername,
                password: password.result,
                type: "BUILT_IN",
            },
            children.options({ dependsOn: [database] }),
        );

        this.replicas = Array.from(
            { length: resolved.readReplicas },
            (_, i) =>
                new gcp.sql.DatabaseInstance(
                    children.name(`replica-${i + 1}`),
                    {
                        ...common,
                        name: children.physical(`replica-${i + 1}`, "gcp"),
                        masterInstanceName: this.instance.name,
                        replicaConfiguration: { failoverTarget: false },
                        settings: {
                            ...settings,
                            availabilityType: "ZONAL",
                            // A replica takes its backups and disk size from the primary.
                            backupConfiguration: { enabled: false },
                        },
                    },
                    children.stateful(),
                ),
        );

        this.databaseName = resolved.databaseName;
        this.adminUsername = resolved.adminUsername;
        this.instanceHost = this.instance.privateIpAddress;
        this.host = this.instance.privateIpAddress;
        this.port = pulumi.output(5432);
        this.readerHosts = pulumi.all(this.replicas.map((r) => r.privateIpAddress));
        this.adminSecret = secret.secret.id;
        this.connectionName = this.instance.connectionName;
        this.complete("host", "port", "instanceHost", "readerHosts", "databaseName", "adminUsername", "adminSecret", "connectionName");
    }
}

/** Every problem with GcpPostgresDatabase's arguments. */
export function validateGcpPostgresDatabaseArgs(args: GcpPostgresDatabaseArgs): Issue[] {
    return [
        ...validatePostgresArgs(args, resolvePostgresArgs(args)),
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
    ];
}
