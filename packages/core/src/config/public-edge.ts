/**
 * Where an environment has a public edge (the WAF / Cloud Armor-guarded load balancer in front of
 * the Istio ingress gateway) and the names it serves: one rule for the platform layer, which
 * builds the edge, and app stacks, which decide from it whether a name can be published there.
 */
import type { PlatformSettings } from "./settings.js";

/** The names an AWS edge serves in its public zone: the apex and one wildcard level. */
export function zoneEdgeHostnames(domain: string): [string, string] {
    return [domain, `*.${domain}`];
}

/**
 * The public edge's names: on AWS with `platform:dns.publicZone`, the zone's apex and wildcard; on
 * GCP with `platform:dr.hostnames`, those names. Undefined where the environment has no edge.
 */
export function publicEdgeHostnames(settings: PlatformSettings): readonly string[] | undefined {
    if (settings.cloud === "aws") {
        return settings.dns.publicZone !== undefined ? zoneEdgeHostnames(settings.dns.publicZone) : undefined;
    }
    return settings.dr?.hostnames;
}

/** Whether the edge serves `host`: listed, or one label under a listed `*.` wildcard. */
export function edgeServes(hostnames: readonly string[], host: string): boolean {
    return hostnames.some(
        (h) => h === host || (h.startsWith("*.") && host.endsWith(h.slice(1)) && !host.slice(0, -h.length + 1).includes(".")),
    );
}
