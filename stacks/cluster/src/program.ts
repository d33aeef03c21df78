/** The `cluster` stack program: validated config -> provider -> the foundation contract -> cluster layer -> outputs. */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { awsFoundationOutputs, gcpFoundationOutputs } from "./foundation.js";
import { clusterLayer, type ClusterStackOutputs } from "./layer.js";

export function clusterProgram(): ClusterStackOutputs {
    const settings = loadPlatformSettings();
    const foundation = settings.cloud === "aws" ? awsFoundationOutputs() : gcpFoundationOutputs();
    return clusterLayer(settings, createCloudProvider(settings), foundation);
}
