/**
 * Redis on Memorystore: STANDARD_HA (a replica in a second zone with automatic failover) per
 * profile, TLS in transit (server authentication), AUTH on, encrypted with the `data` key (CMEK),
 * reached only through the foundation's private service access range, hourly RDB snapshots, a
 * maintenance window, deletion protection per profile. Memorystore generates the AUTH string; it is
 * a secret output of the instance and is kept, with the host, port and CA, in Secret Manager with
 * the `secrets` key.
 *
 * Depends on {@link GcpDataServiceAgents}: Memorystore's agent must be allowed to use the key first.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, checkRegion, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { gcpSecret } from "../gcp/secret.js";
import { GCP_SHAPES } from "../sizing.js";
import { type RedisCache, type RedisCacheArgs, validateRedisArgs } from "./types.js";

export const MEMORYSTORE_REDIS_VERSION = "REDIS_7_2";
/** Memorystore instance ids: at most 40 characters. */
export const MEMORYSTORE_NAME_MAX_LENGTH = 40;
/** Sunday 05:00 UTC, like ElastiCache's window. */
export const MEMORYSTORE_MAINTENANCE_WINDOW = { day: "SUNDAY", startTime: { hours: 5, minutes: 0 } } as const;

export interface GcpRedisCacheArgs extends RedisCacheArgs {
    readonly project: string;
    readonly region: string;
    /** The foundation's VPC: the only network that reaches the instance. */
    readonly networkId: pulumi.Input<string>;
    /** The foundation's private service access range: where the instance's address comes from. */
    readonly privateServiceAccessRange: pulumi.Input<string>;
    /** The foundation's `data` key (CMEK). */
    readonly kmsKeyName: pulumi.Input<string>;
    /** The foundation's `secrets` key (the AUTH string's secret). */
    readonly secretsKmsKeyName: pulumi.Input<string>;
    /** Extra labels (ownership labels come from the provider). @default {} */
    readonly labels?: Readonly<Record<string, string>>;
}

export class GcpRedisCache extends DataComponent implements RedisCache {
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly authSecret: pulumi.Output<string>;
    readonly instance: gcp.redis.Instance;

    constructor(name: string, args: GcpRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpRedisCache", name, args.naming, opts);
        this.validate(validateGcpRedisCacheArgs(args));
        const children = this.children;
        this.instance = new gcp.redis.Instance(
            children.name("cache"),
            {
                project: args.project,
                region: args.region,
                name: children.physicalWithin("cache", MEMORYSTORE_NAME_MAX_LENGTH),
                displayName: `Redis for ${children.prefix}`,
                tier: args.highAvailability ? "STANDARD_HA" : "BASIC",
                memorySizeGb: GCP_SHAPES[args.size].redisMemoryGb,
                redisVersion: MEMORYSTORE_REDIS_VERSION,
                locationId: `${args.region}-a`,
                ...(args.highAvailability ? { alternativeLocationId: `${args.region}-b` } : {}),
                authorizedNetwork: args.networkId,
                connectMode: "PRIVATE_SERVICE_ACCESS",
                reservedIpRange: args.privateServiceAccessRange,
                authEnabled: true,
                transitEncryptionMode: "SERVER_AUTHENTICATION",
                customerManagedKey: args.kmsKeyName,
                persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
                maintenancePolicy: { weeklyMaintenanceWindows: [MEMORYSTORE_MAINTENANCE_WINDOW] },
                deletionProtection: args.deletionProtection,
                labels: { ...args.labels },
            },
            children.stateful({ additionalSecretOutputs: ["authString"] }),
        );
        const secret = gcpSecret(children, "auth", {
            project: args.project,
            region: args.region,
            kmsKeyName: args.secretsKmsKeyName,
            deletionProtection: args.deletionProtection,
            value: pulumi
                .all([this.instance.authString, this.instance.host, this.instance.port, this.instance.serverCaCerts])
                .apply(([authString, host, port, certs]) =>
                    JSON.stringify({ authToken: authString, host, port, tls: true, caCertificates: certs.map((c) => c.cert) }),
                ),
        });
        this.host = this.instance.host;
        this.port = this.instance.port;
        this.authSecret = secret.secret.id;
        this.complete("host", "port", "authSecret");
    }
}

/** Every problem with GcpRedisCache's arguments. */
export function validateGcpRedisCacheArgs(args: GcpRedisCacheArgs): Issue[] {
    return [...validateRedisArgs(args), ...checkGcpProject("project", args.project), ...checkRegion("region", args.region, "gcp")];
}
