/**
 * The `data` stack program: validated config -> provider -> the foundation's and the cluster's
 * outputs (typed stack references) -> data layer -> outputs.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { readClusterAccess } from "./cluster.js";
import { awsFoundationOutputs, gcpFoundationOutputs } from "./foundation.js";
import { dataLayer, type DataStackOutputs } from "./layer.js";

export function dataProgram(): DataStackOutputs {
    const settings = loadPlatformSettings();
    const foundation = settings.cloud === "aws" ? awsFoundationOutputs() : gcpFoundationOutputs();
    return dataLayer(settings, createCloudProvider(settings), foundation, readClusterAccess(settings));
}
