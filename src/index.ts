/**
 * The root project: the whole platform in one stack. It composes the same layer functions the
 * per-layer stack projects run (foundation, then cluster), with one provider shared by all; the
 * cluster layer reads the foundation layer's outputs directly instead of through a stack reference.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { clusterLayer } from "@platform/stack-cluster";
import { foundationLayer } from "@platform/stack-foundation";

function platformProgram() {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    const foundation = foundationLayer(settings, provider);
    return { foundation, cluster: clusterLayer(settings, provider, foundation) };
}

export = platformProgram;
