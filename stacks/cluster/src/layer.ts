/**
 * The cluster layer as a function of validated settings, a provider and the foundation's
 * outputs. The `cluster` stack project passes the outputs it reads through a stack reference; the
 * root one-stack program passes the foundation layer's return value directly.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import type {
    AwsClusterOutputs,
    AwsFoundationOutputs,
    CloudProvider,
    GcpClusterOutputs,
    GcpFoundationOutputs,
    PlatformSettings,
    StackOutputs,
} from "@platform/core";
import { awsCluster } from "./aws.js";
import { gcpCluster } from "./gcp.js";

export type ClusterStackOutputs = StackOutputs<AwsClusterOutputs> | StackOutputs<GcpClusterOutputs>;
export type FoundationInputs = StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>;

function isAws(foundation: FoundationInputs): foundation is StackOutputs<AwsFoundationOutputs> {
    return foundation.cloud === "aws";
}

function isGcp(foundation: FoundationInputs): foundation is StackOutputs<GcpFoundationOutputs> {
    return foundation.cloud === "gcp";
}

export function clusterLayer(settings: PlatformSettings, provider: CloudProvider, foundation: FoundationInputs): ClusterStackOutputs {
    if (settings.cloud === "aws") {
        if (!(provider instanceof aws.Provider) || !isAws(foundation)) {
            throw new Error(
                `cluster layer: settings say aws but the provider is ${provider.constructor.name} or the foundation outputs are not AWS ones`,
            );
        }
        return awsCluster(settings, provider, foundation);
    }
    if (!(provider instanceof gcp.Provider) || !isGcp(foundation)) {
        throw new Error(
            `cluster layer: settings say gcp but the provider is ${provider.constructor.name} or the foundation outputs are not GCP ones`,
        );
    }
    return gcpCluster(settings, provider, foundation);
}
