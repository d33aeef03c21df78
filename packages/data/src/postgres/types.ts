/**
 * Postgres, one concept on both clouds: {@link PostgresDatabase} is what a stack reads, whichever
 * implementation (`AwsPostgresDatabase` on RDS, `GcpPostgresDatabase` on Cloud SQL) created it;
 * {@link PostgresDatabaseArgs} are the arguments both take, validated by the same rules.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkOneOf, checkPattern, checkWholeNumber, type ComponentNaming, DATA_SIZES, type DataSize, type Issue } from "@platform/core";

/** Postgres major versions the platform runs (the current major first). */
export const POSTGRES_MAJOR_VERSIONS = ["17", "16"] as const;
export type PostgresMajorVersion = (typeof POSTGRES_MAJOR_VERSIONS)[number];
export const DEFAULT_POSTGRES_MAJOR_VERSION: PostgresMajorVersion = "17";

/** Most read replicas a component creates. */
export const MAX_READ_REPLICAS = 5;

/** Role and database names the services reserve for themselves (RDS, Cloud SQL, Postgres). */
export const RESERVED_POSTGRES_NAMES = [
    "postgres",
    "template0",
    "template1",
    "rdsadmin",
    "rdsrepladmin",
    "rds_superuser",
    "cloudsqladmin",
    "cloudsqlsuperuser",
    "cloudsqlagent",
    "cloudsqliamuser",
] as const;

/** A Postgres identifier the platform accepts: lowercase letters, digits and `_`, starting with a letter, at most 63. */
export const POSTGRES_IDENTIFIER_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

export interface PostgresDatabase {
    /** Where clients connect: the pooler's endpoint when there is one, else the primary. */
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /** The primary instance itself (migrations and administration bypass the pooler). */
    readonly instanceHost: pulumi.Output<string>;
    /** The read replicas' hosts, in order ([] without replicas). */
    readonly readerHosts: pulumi.Output<string[]>;
    readonly databaseName: string;
    readonly adminUsername: string;
    /** Where the administrator's credentials live: a Secrets Manager ARN or a Secret Manager secret id. */
    readonly adminSecret: pulumi.Output<string>;
}

export interface PostgresDatabaseArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /** Instance size (`platform:data.size`): the shape per cloud is in `sizing.ts`. */
    readonly size: DataSize;
    /**
     * Postgres major version. Major upgrades are deliberate (they are not applied automatically),
     * minor versions upgrade in the maintenance window.
     * @default "17"
     */
    readonly majorVersion?: PostgresMajorVersion;
    /** The application database created with the instance. @default "app" */
    readonly databaseName?: string;
    /** The administrator role. Applications get their own roles (IAM authentication is on). @default "dbadmin" */
    readonly adminUsername?: string;
    /** A standby in a second zone with automatic failover (RDS Multi-AZ, Cloud SQL REGIONAL): the profile's `data.highAvailability`. */
    readonly highAvailability: boolean;
    /** Allocated storage in GB (seed 000: prod 500, staging 200): the profile's `data.storageGb`. */
    readonly storageGb: number;
    /**
     * The ceiling storage autoscaling may grow to, in GB; more needs a deliberate change.
     * @default twice `storageGb`, at most 65536
     */
    readonly maxStorageGb?: number;
    /** Days automated backups are kept (seed 000: 30 in prod; seed 002: 7): the profile's `data.backupRetentionDays`. */
    readonly backupRetentionDays: number;
    /**
     * Point-in-time recovery from the transaction log (seed 000: RPO 15 minutes). RDS always has it
     * with automated backups; on Cloud SQL it is a switch.
     */
    readonly pointInTimeRecovery: boolean;
    /** The service refuses to delete the instance (and a final snapshot/backup is kept): the profile's `data.deletionProtection`. */
    readonly deletionProtection: boolean;
    /** Read replicas of the primary (`platform:data.postgres.readReplicas`). Plain value: it decides how many instances exist. @default 0 */
    readonly readReplicas?: number;
}

/** The shared arguments with their defaults applied. */
export interface ResolvedPostgresArgs {
    readonly majorVersion: PostgresMajorVersion;
    readonly databaseName: string;
    readonly adminUsername: string;
    readonly maxStorageGb: number;
    readonly readReplicas: number;
}

export function resolvePostgresArgs(args: PostgresDatabaseArgs): ResolvedPostgresArgs {
    return {
        majorVersion: args.majorVersion ?? DEFAULT_POSTGRES_MAJOR_VERSION,
        databaseName: args.databaseName ?? "app",
        adminUsername: args.adminUsername ?? "dbadmin",
        maxStorageGb: args.maxStorageGb ?? Math.min(2 * args.storageGb, 65536),
        readReplicas: args.readReplicas ?? 0,
    };
}

function checkIdentifier(field: string, value: string): Issue[] {
    const syntax = checkPattern(
        field,
        value,
        POSTGRES_IDENTIFIER_PATTERN,
        "lowercase letters, digits and underscores, starting with a letter, at most 63 characters, e.g. app",
    );
    if (syntax.length > 0) return syntax;
    return (RESERVED_POSTGRES_NAMES as readonly string[]).includes(value)
        ? [{ field, value, problem: "is reserved by Postgres or the cloud service", fix: "choose another name, e.g. app or dbadmin" }]
        : [];
}

/** Every problem with the arguments both implementations share. */
export function validatePostgresArgs(args: PostgresDatabaseArgs, resolved: ResolvedPostgresArgs): Issue[] {
    const issues: Issue[] = [
        ...checkOneOf("size", args.size, DATA_SIZES),
        ...checkOneOf("majorVersion", resolved.majorVersion, POSTGRES_MAJOR_VERSIONS),
        ...checkIdentifier("databaseName", resolved.databaseName),
        ...checkIdentifier("adminUsername", resolved.adminUsername),
        ...checkWholeNumber("storageGb", args.storageGb, { min: 20, max: 65536 }, "use 20 to 65536 GB (gp3 and Cloud SQL SSD limits)"),
        ...checkWholeNumber(
            "backupRetentionDays",
            args.backupRetentionDays,
            { min: 1, max: 35 },
            "keep 1 to 35 days of automated backups (the RDS range)",
        ),
        ...checkWholeNumber("readReplicas", resolved.readReplicas, { min: 0, max: MAX_READ_REPLICAS }),
    ];
    const storageOk = typeof args.storageGb === "number" && Number.isInteger(args.storageGb);
    if (
        storageOk &&
        !(Number.isInteger(resolved.maxStorageGb) && resolved.maxStorageGb > args.storageGb && resolved.maxStorageGb <= 65536)
    ) {
        issues.push({
            field: "maxStorageGb",
            value: resolved.maxStorageGb,
            problem: `must be a whole number above storageGb (${args.storageGb}) and at most 65536`,
            fix: `raise it above ${args.storageGb}, or leave it unset for twice the allocated storage`,
        });
    }
    return issues;
}
