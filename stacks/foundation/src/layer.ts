/**
 * The foundation layer as a function of validated settings and a provider. The `foundation` stack
 * project and the root one-stack program both call this, so they cannot drift apart.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import type { AwsFoundationOutputs, CloudProvider, GcpFoundationOutputs, PlatformSettings, StackOutputs } from "@platform/core";
import { awsFoundation } from "./aws.js";
import { gcpFoundation } from "./gcp.js";

export type FoundationStackOutputs = StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>;

export function foundationLayer(settings: PlatformSettings, provider: CloudProvider): FoundationStackOutputs {
    if (settings.cloud === "aws") {
        if (!(provider instanceof aws.Provider)) {
            throw new Error(`foundation layer: settings say aws but the provider is ${provider.constructor.name}`);
        }
        return awsFoundation(settings, provider);
    }
    if (!(provider instanceof gcp.Provider)) {
        throw new Error(`foundation layer: settings say gcp but the provider is ${provider.constructor.name}`);
    }
    return gcpFoundation(settings, provider);
}
