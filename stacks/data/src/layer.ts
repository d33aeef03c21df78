/**
 * The data layer as a function of validated settings, a provider, the foundation's outputs and the
 * cluster's access. The `data` stack project passes what it reads through stack references; the
 * root one-stack program passes the earlier layers' results. Both programs always pass the
 * cluster; without it (component tests) the databases admit nobody and Velero is not installed.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import type {
    AwsDataOutputs,
    AwsFoundationOutputs,
    CloudProvider,
    GcpDataOutputs,
    GcpFoundationOutputs,
    PlatformSettings,
    StackOutputs,
} from "@platform/core";
import { awsData } from "./aws.js";
import type { ClusterAccess } from "./cluster.js";
import { gcpData } from "./gcp.js";

export type DataStackOutputs = StackOutputs<AwsDataOutputs> | StackOutputs<GcpDataOutputs>;
export type FoundationInputs = StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>;

function isAws(foundation: FoundationInputs): foundation is StackOutputs<AwsFoundationOutputs> {
    return foundation.cloud === "aws";
}

export function dataLayer(
    settings: PlatformSettings,
    provider: CloudProvider,
    foundation: FoundationInputs,
    cluster?: ClusterAccess,
): DataStackOutputs {
    if (settings.cloud === "aws") {
        if (!(provider instanceof aws.Provider) || !isAws(foundation)) {
            throw new Error(
                `data layer: settings say aws, but the provider is ${provider.constructor.name} or the foundation's outputs are not AWS's`,
            );
        }
        if (cluster !== undefined && cluster.cloud !== "aws") {
            throw new Error("data layer: settings say aws but the cluster is on gcp");
        }
        return awsData(settings, provider, foundation, cluster);
    }
    if (!(provider instanceof gcp.Provider) || isAws(foundation)) {
        throw new Error(
            `data layer: settings say gcp, but the provider is ${provider.constructor.name} or the foundation's outputs are not GCP's`,
        );
    }
    if (cluster !== undefined && cluster.cloud !== "gcp") {
        throw new Error("data layer: settings say gcp but the cluster is on aws");
    }
    return gcpData(settings, provider, foundation, cluster);
}
