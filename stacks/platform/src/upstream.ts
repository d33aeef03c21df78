/**
 * What the platform layer reads from the layers below, through typed stack references in this
 * stack's organization for the same environment: the cluster contract (`<org>/cluster/<stack>`:
 * kubeconfig, name, ARN or project, node security group) and the foundation's DNS zones, keys,
 * VPC and public subnets (`<org>/foundation/<stack>`). Every output is required: a missing one fails by name.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    type AwsClusterOutputs,
    type AwsFoundationOutputs,
    type DnsZoneOutputs,
    type GcpClusterOutputs,
    type GcpFoundationOutputs,
    type StackOutputs,
    TypedStackReference,
} from "@platform/core";

export const FOUNDATION_PROJECT = "foundation";
export const CLUSTER_PROJECT = "cluster";

/** The parts of the lower layers the platform layer uses, per cloud. */
export interface AwsUpstream {
    readonly cloud: "aws";
    readonly clusterName: pulumi.Input<string>;
    readonly clusterArn: pulumi.Input<string>;
    readonly kubeconfig: pulumi.Input<string>;
    readonly dns: pulumi.Input<DnsZoneOutputs>;
    readonly secretsKmsKeyArn: pulumi.Input<string>;
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
    readonly defaultStorageClass: pulumi.Input<string | null>;
}

export type Upstream = AwsUpstream | GcpUpstream;

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
        defaultStorageClass: cluster.require("defaultStorageClass"),
    };
}

/** The same from the lower layers' return values (the root one-stack program: no stack reference). */
export function upstreamFrom(
    foundation: StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>,
    cluster: StackOutputs<AwsClusterOutputs> | StackOutputs<GcpClusterOutputs>,
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
            defaultStorageClass: cluster.defaultStorageClass,
        };
    }
    throw new Error("platform layer: the foundation and the cluster outputs are of different clouds");
}
