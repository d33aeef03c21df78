/**
 * The root project: the whole platform in one stack. It composes the same layer functions the
 * per-layer stack projects run (the foundation layer, then the data layer on its outputs, with no
 * stack reference between them), with one provider shared by all.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { dataLayer } from "@platform/stack-data";
import { foundationLayer } from "@platform/stack-foundation";

function platformProgram() {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    const foundation = foundationLayer(settings, provider);
    return { foundation, data: dataLayer(settings, provider, foundation) };
}

export = platformProgram;
