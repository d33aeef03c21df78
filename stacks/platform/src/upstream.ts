/**
 * What the platform layer reads from the layers below, through typed stack references in this
 * stack's organization for the same environment: the cluster contract (`<org>/cluster/<stack>`:
 * kubeconfig, name, ARN or project, node security group) and the foundation's DNS zones, keys,
 * VPC and public subnets (`<org>/foundation/<stack>`), and on GCP the data layer's volume
 * StorageClass (`<org>/data/<stack>`: GKE's default class is not encrypted with the data key; the
 * data layer's is). Every output is required: a missing one fails by name, and so does a missing
 * key in `kmsKeyArns` / `kmsKeyIds`.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    type AwsClusterOutputs,
    type AwsFoundationOutputs,
    type DnsZoneOutputs,
    type AwsDataOutputs,
    type GcpClusterOutputs,
    type GcpDataOutputs,
    type GcpFoundationOutputs,
    type KmsKeyOutputs,
    type StackOutputs,
    TypedStackReference,
} from "@platform/core";

export const FOUNDATION_PROJECT = "foundation";
export const CLUSTER_PROJECT = "cluster";
export const DATA_PROJECT = "data";

/** The parts of the lower layers the platform layer uses, per cloud. */
export interface AwsUpstream {
    readonly cloud: "aws";
    readonly clusterName: pulumi.Input<string>;
    readonly clusterArn: pulumi.Input<string>;
    readonly kubeconfig: pulumi.Input<string>;
    readonly dns: pulumi.Input<DnsZoneOutputs>;
    readonly secretsKmsKeyArn: pulumi.Input<string>;
    /** The foundation's `data` key: SSE-KMS of the Loki and Tempo buckets. */
    readonly dataKmsKeyArn: pulumi.Input<string>;
    /** The cluster's default StorageClass (encrypted with the foundation's `data` key), for the monitoring volumes. */
    readonly defaultStorageClass: pulumi.Input<string | null>;
    /** The public edge: the VPC, its public subnets, the nodes' security group, the `logs` key (WAF logs, alarm topic). */
    readonly vpcId: pulumi.Input<string>;
    readonly publicSubnetIds: pulumi.Input<string[]>;
    readonly nodeSecurityGroupId: pulumi.Input<string>;
    readonly logsKmsKeyArn: pulumi.Input<string>;
}

export interface GcpUpstream {
    readonly cloud: "gcp";
    readonly clusterName: pulumi.Input<string>;
    readonly kubeconfig: pulumi.Input<string>;
    readonly dns: pulumi.Input<DnsZoneOutputs>;
    /** The foundation's `data` crypto key id: CMEK of the Loki and Tempo buckets. */
    readonly dataKmsKeyId: pulumi.Input<string>;
    readonly defaultStorageClass: pulumi.Input<string | null>;
    /**
     * The data layer's `volumeStorageClass`: `pd-balanced-cmek` (persistent disks encrypted with the
     * `data` key) for the monitoring, Loki and Tempo volumes; null (no cluster access in the data
     * layer) falls back to `defaultStorageClass`.
     */
    readonly volumeStorageClass: pulumi.Input<string | null>;
}

export type Upstream = AwsUpstream | GcpUpstream;

/** One purpose's key from the foundation's key map; a missing or empty one fails by name. */
export function keyOf(
    keys: pulumi.Input<KmsKeyOutputs>,
    purpose: keyof KmsKeyOutputs,
    output: "kmsKeyArns" | "kmsKeyIds",
): pulumi.Output<string> {
    return pulumi.output(keys).apply((k) => {
        const key = (k as Partial<KmsKeyOutputs>)[purpose];
        if (typeof key !== "string" || key === "") {
            throw new Error(`the foundation stack's ${output} has no '${purpose}' key; deploy the foundation layer first`);
        }
        return key;
    });
}

function reference<T extends object>(name: string, project: string): TypedStackReference<T> {
    return new TypedStackReference<T>(name, { organization: pulumi.getOrganization(), project, stack: pulumi.getStack() });
}

export function awsUpstream(): AwsUpstream {
    const foundation = reference<AwsFoundationOutputs>("foundation", FOUNDATION_PROJECT);
    const cluster = reference<AwsClusterOutputs>("cluster", CLUSTER_PROJECT);
    return {
        cloud: "aws",
        clusterName: cluster.require("clusterName"),
        clusterArn: cluster.require("clusterArn"),
        kubeconfig: cluster.require("kubeconfig"),
        dns: foundation.require("dns"),
        secretsKmsKeyArn: foundation.require("kmsKeyArns").apply((keys) => keys.secrets),
        dataKmsKeyArn: keyOf(foundation.require("kmsKeyArns"), "data", "kmsKeyArns"),
        defaultStorageClass: cluster.require("defaultStorageClass"),
        vpcId: foundation.require("vpcId"),
        publicSubnetIds: foundation.require("publicSubnetIds"),
        nodeSecurityGroupId: cluster.require("nodeSecurityGroupId"),
        logsKmsKeyArn: foundation.require("kmsKeyArns").apply((keys) => keys.logs),
    };
}

export function gcpUpstream(): GcpUpstream {
    const foundation = reference<GcpFoundationOutputs>("foundation", FOUNDATION_PROJECT);
    const cluster = reference<GcpClusterOutputs>("cluster", CLUSTER_PROJECT);
    return {
        cloud: "gcp",
        clusterName: cluster.require("clusterName"),
        kubeconfig: cluster.require("kubeconfig"),
        dns: foundation.require("dns"),
        dataKmsKeyId: keyOf(foundation.require("kmsKeyIds"), "data", "kmsKeyIds"),
        defaultStorageClass: cluster.require("defaultStorageClass"),
        volumeStorageClass: reference<GcpDataOutputs>("data", DATA_PROJECT).require("volumeStorageClass"),
    };
}

/** The same from the lower layers' return values (the root one-stack program: no stack reference). */
export function upstreamFrom(
    foundation: StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>,
    cluster: StackOutputs<AwsClusterOutputs> | StackOutputs<GcpClusterOutputs>,
    data: StackOutputs<AwsDataOutputs> | StackOutputs<GcpDataOutputs>,
): Upstream {
    if ("kmsKeyArns" in foundation && "clusterArn" in cluster) {
        const keys = foundation.kmsKeyArns;
        return {
            cloud: "aws",
            clusterName: cluster.clusterName,
            clusterArn: cluster.clusterArn,
            kubeconfig: cluster.kubeconfig,
            dns: foundation.dns,
            secretsKmsKeyArn: pulumi.output(keys).apply((k) => k.secrets),
            dataKmsKeyArn: keyOf(keys, "data", "kmsKeyArns"),
            defaultStorageClass: cluster.defaultStorageClass,
            vpcId: foundation.vpcId,
            publicSubnetIds: foundation.publicSubnetIds,
            nodeSecurityGroupId: cluster.nodeSecurityGroupId,
            logsKmsKeyArn: pulumi.output(keys).apply((k) => k.logs),
        };
    }
    if ("gcpProject" in foundation && "gcpProject" in cluster) {
        return {
            cloud: "gcp",
            clusterName: cluster.clusterName,
            kubeconfig: cluster.kubeconfig,
            dns: foundation.dns,
            dataKmsKeyId: keyOf(foundation.kmsKeyIds, "data", "kmsKeyIds"),
            defaultStorageClass: cluster.defaultStorageClass,
            volumeStorageClass: data.volumeStorageClass,
        };
    }
    throw new Error("platform layer: the foundation and the cluster outputs are of different clouds");
}
