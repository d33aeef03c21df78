/**
 * The root project: the whole platform in one stack. It composes the same layer functions the
 * per-layer stack projects run (foundation, then cluster, then data), with one provider shared by
 * all; each layer reads the previous layers' outputs directly instead of through a stack reference.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { clusterLayer } from "@platform/stack-cluster";
import { clusterAccess, dataLayer } from "@platform/stack-data";
import { foundationLayer } from "@platform/stack-foundation";

function platformProgram() {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    const foundation = foundationLayer(settings, provider);
    const cluster = clusterLayer(settings, provider, foundation);
    const data = dataLayer(settings, provider, foundation, clusterAccess(settings, cluster));
    return { foundation, cluster, data };
}

export = platformProgram;
