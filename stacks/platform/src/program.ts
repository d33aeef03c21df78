/** The `platform-addons` stack program: validated config -> providers -> the lower layers' contracts -> add-ons -> outputs. */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { platformLayer, type PlatformStackOutputs } from "./layer.js";
import { awsUpstream, gcpUpstream } from "./upstream.js";

export function platformProgram(): PlatformStackOutputs {
    const settings = loadPlatformSettings();
    const upstream = settings.cloud === "aws" ? awsUpstream() : gcpUpstream();
    return platformLayer(settings, createCloudProvider(settings), upstream);
}
