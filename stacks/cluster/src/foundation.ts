/**
 * The foundation layer's outputs, read through a typed stack reference:
 * `<organization>/foundation/<stack>`, in this stack's organization (`organization` on a
 * self-managed backend), for the same environment.
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

/** The foundation project's name. */
export const FOUNDATION_PROJECT = "foundation";

function foundationReference<T extends FoundationOutputs>(): TypedStackReference<T> {
    return new TypedStackReference<T>("foundation", {
        organization: pulumi.getOrganization(),
        project: FOUNDATION_PROJECT,
        stack: pulumi.getStack(),
    });
}

/** `value`, once the foundation's `cloud` is the expected one (a stack of the other cloud fails by name). */
function onCloud(cloud: pulumi.Output<Cloud>, expected: Cloud, value: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.all([cloud, value]).apply(([actual, v]) => {
        if (actual !== expected) {
            throw new Error(`the foundation stack of this environment is on ${actual}, but the cluster stack's config says ${expected}`);
        }
        return v;
    });
}

/** The AWS foundation contract (every output required: a missing one fails by name). */
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

/** The GCP foundation contract. */
export function gcpFoundationOutputs(): StackOutputs<GcpFoundationOutputs> {
    const ref = foundationReference<GcpFoundationOutputs>();
    return {
        environment: ref.require("environment"),
        cloud: "gcp",
        region: ref.require("region"),
        dns: ref.require("dns"),
        gcpProject: ref.require("gcpProject"),
        networkId: ref.require("networkId"),
        networkSelfLink: onCloud(ref.require("cloud"), "gcp", ref.require("networkSelfLink")),
        subnetSelfLinks: ref.require("subnetSelfLinks"),
        podRangeNames: ref.require("podRangeNames"),
        serviceRangeNames: ref.require("serviceRangeNames"),
        privateServiceAccessRange: ref.require("privateServiceAccessRange"),
        kmsKeyIds: ref.require("kmsKeyIds"),
    };
}
