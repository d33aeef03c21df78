/**
 * The foundation stack's outputs: the contract later layers (cluster, data, platform) read through
 * {@link TypedStackReference}. One shape per cloud, discriminated by `cloud`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Cloud, EnvironmentName } from "../environments/profiles.js";

/** What a stack program returns for contract `T`: each output may still be an Output. */
export type StackOutputs<T> = { readonly [K in keyof T]: pulumi.Input<T[K]> };

/** Customer-managed key ids and ARNs / resource names by purpose. */
export interface KmsKeyOutputs {
    readonly logs: string;
    readonly data: string;
    readonly secrets: string;
    readonly backups: string;
}

export interface DnsZoneOutputs {
    /** Public zone id, or null when no public zone is configured. */
    readonly publicZoneId: string | null;
    readonly privateZoneId: string | null;
    readonly publicZoneName: string | null;
    readonly privateZoneName: string | null;
    /** Name servers to delegate the public zone to (empty without a public zone). */
    readonly publicNameServers: string[];
}

interface FoundationOutputsBase {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    readonly region: string;
    readonly dns: DnsZoneOutputs;
}

export interface AwsFoundationOutputs extends FoundationOutputsBase {
    readonly cloud: "aws";
    readonly vpcId: string;
    readonly vpcCidr: string;
    readonly availabilityZones: string[];
    readonly publicSubnetIds: string[];
    readonly privateSubnetIds: string[];
    readonly isolatedSubnetIds: string[];
    readonly endpointSecurityGroupId: string;
    /** Key ARNs by purpose. */
    readonly kmsKeyArns: KmsKeyOutputs;
    /** Key ids by purpose. */
    readonly kmsKeyIds: KmsKeyOutputs;
}

export interface GcpFoundationOutputs extends FoundationOutputsBase {
    readonly cloud: "gcp";
    readonly gcpProject: string;
    readonly networkId: string;
    readonly networkSelfLink: string;
    /** Regional subnet self links by region. */
    readonly subnetSelfLinks: Record<string, string>;
    /** Secondary range names for GKE, by region. */
    readonly podRangeNames: Record<string, string>;
    readonly serviceRangeNames: Record<string, string>;
    /** Private service access peering connection (Cloud SQL, Memorystore). */
    readonly privateServiceAccessRange: string;
    /** Crypto key ids by purpose. */
    readonly kmsKeyIds: KmsKeyOutputs;
}

export type FoundationOutputs = AwsFoundationOutputs | GcpFoundationOutputs;
