/** The `foundation` stack program: validated config -> provider -> foundation layer -> outputs. */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { foundationLayer, type FoundationStackOutputs } from "./layer.js";

export function foundationProgram(): FoundationStackOutputs {
    const settings = loadPlatformSettings();
    return foundationLayer(settings, createCloudProvider(settings));
}
