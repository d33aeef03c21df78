/**
 * The root project: the whole platform in one stack. It composes the same layer functions the
 * per-layer stack projects run (foundation, security, cluster, data, then the platform add-ons), with one cloud
 * provider shared by all; each layer reads the layers below directly instead of through stack references.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { unmappedPromiseDebugStacks } from "@platform/core/runtime";
import { clusterLayer } from "@platform/stack-cluster";
import { clusterAccess, dataLayer } from "@platform/stack-data";
import { platformLayer, upstreamFrom } from "@platform/stack-platform";
import { foundationLayer } from "@platform/stack-foundation";
import { logsKeyFrom, securityLayer } from "@platform/stack-security";

function platformProgram() {
    const settings = loadPlatformSettings();
    const provider = createCloudProvider(settings);
    const foundation = foundationLayer(settings, provider);
    const security = securityLayer(settings, provider, logsKeyFrom(foundation));
    const cluster = clusterLayer(settings, provider, foundation);
    const data = dataLayer(settings, provider, foundation, clusterAccess(settings, cluster));
    const platform = platformLayer(settings, provider, upstreamFrom(foundation, cluster, data), security);
    return { foundation, security, cluster, data, platform };
}

// The SDK's per-promise traces without source maps: half of the program's CPU otherwise.
unmappedPromiseDebugStacks();

export = platformProgram;
