/**
 * The root project: the whole platform in one stack. It composes the same layer functions the
 * per-layer stack projects run (today: the foundation layer), with one provider shared by all.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { foundationLayer } from "@platform/stack-foundation";

function platformProgram() {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    return { foundation: foundationLayer(settings, provider) };
}

export = platformProgram;
