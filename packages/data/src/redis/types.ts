/**
 * Redis, one concept on both clouds: {@link RedisCache} is what a stack reads, whether
 * `AwsRedisCache` (ElastiCache) or `GcpRedisCache` (Memorystore) created it. Both require TLS and
 * AUTH, encrypt with the foundation's `data` key, and keep the AUTH token in the cloud's secret
 * store; the token is never a stack output.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkOneOf, type ComponentNaming, DATA_SIZES, type DataSize, type Issue } from "@platform/core";

export interface RedisCache {
    /** The primary endpoint (TLS). */
    readonly host: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /** Where the AUTH token lives (with host and port): a Secrets Manager ARN or a Secret Manager secret id. */
    readonly authSecret: pulumi.Output<string>;
}

export interface RedisCacheArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /** Node size (`platform:data.size`). */
    readonly size: DataSize;
    /**
     * Replicas in other zones with automatic failover (ElastiCache Multi-AZ, Memorystore
     * STANDARD_HA): the profile's `data.highAvailability`.
     */
    readonly highAvailability: boolean;
    /**
     * Keep the data when the cache is deleted: a final snapshot (ElastiCache) or deletion protection
     * (Memorystore). The profile's `data.deletionProtection`.
     */
    readonly deletionProtection: boolean;
}

export function validateRedisArgs(args: RedisCacheArgs): Issue[] {
    return checkOneOf("size", args.size, DATA_SIZES);
}
