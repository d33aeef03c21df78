/**
 * The foundation layer's outputs, read through a typed stack reference:
 * `<organization>/foundation/<stack>` (the same environment, this stack's organization:
 * `organization` on a self-managed backend). Every output is required: a missing one fails the
 * deployment by name, and a foundation on the other cloud fails before anything is created.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    type AwsFoundationOutputs,
    type Cloud,
    type FoundationOutputs,
    type GcpFoundationOutputs,
    type StackOutputs,
    TypedStackReference,
} from "@platform/core";

export const FOUNDATION_PROJECT = "foundation";

function foundationReference<T extends FoundationOutputs>(): TypedStackReference<T> {
    return new TypedStackReference<T>("foundation", {
        organization: pulumi.getOrganization(),
        project: FOUNDATION_PROJECT,
        stack: pulumi.getStack(),
    });
}

/** `value` once the foundation's cloud is the expected one. */
function onCloud(cloud: pulumi.Output<Cloud>, expected: Cloud, value: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.all([cloud, value]).apply(([actual, v]) => {
        if (actual !== expected) {
            throw new Error(`the foundation stack of this environment is on ${actual}, but the data stack's config says ${expected}`);
        }
        return v;
    });
}

export function awsFoundationOutputs(): StackOutputs<AwsFoundationOutputs> {
    const ref = foundationReference<AwsFoundationOutputs>();
    return {
        environment: ref.require("environment"),
        cloud: "aws",
        region: ref.require("region"),
        dns: ref.require("dns"),
        vpcId: onCloud(ref.require("cloud"), "aws", ref.require("vpcId")),
        vpcCidr: ref.require("vpcCidr"),
        availabilityZones: ref.require("availabilityZones"),
        publicSubnetIds: ref.require("publicSubnetIds"),
        privateSubnetIds: ref.require("privateSubnetIds"),
        isolatedSubnetIds: ref.require("isolatedSubnetIds"),
        endpointSecurityGroupId: ref.require("endpointSecurityGroupId"),
        kmsKeyArns: ref.require("kmsKeyArns"),
        kmsKeyIds: ref.require("kmsKeyIds"),
    };
}

export function gcpFoundationOutputs(): StackOutputs<GcpFoundationOutputs> {
    const ref = foundationReference<GcpFoundationOutputs>();
    return {
        environment: ref.require("environment"),
        cloud: "gcp",
        region: ref.require("region"),
        dns: ref.require("dns"),
        gcpProject: ref.require("gcpProject"),
        networkId: onCloud(ref.require("cloud"), "gcp", ref.require("networkId")),
        networkSelfLink: ref.require("networkSelfLink"),
        subnetSelfLinks: ref.require("subnetSelfLinks"),
        podRangeNames: ref.require("podRangeNames"),
        serviceRangeNames: ref.require("serviceRangeNames"),
        privateServiceAccessRange: ref.require("privateServiceAccessRange"),
        kmsKeyIds: ref.require("kmsKeyIds"),
    };
}
