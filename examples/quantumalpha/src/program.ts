/**
 * QuantumAlpha (seed 003) on the platform, as its team would write it. The seed is qualitative
 * (no sizes, ports or counts), so what it states becomes structure:
 *
 * - functional namespaces (C13: data, trading, risk): `qa-data`, `qa-trading`, `qa-risk`, each a
 *   PlatformNamespace (Pod Security restricted, default deny, Istio sidecars, strict mTLS);
 * - one golden-path Workload per function: `market-data`, `trading-engine`, `risk-engine`, with
 *   requests and limits, PDBs and zone spread (C14), HPA (C7), and micro-segmentation: trading
 *   reads market data and asks risk; risk reads market data; nothing else crosses namespaces;
 * - the public name on the environment's public edge (TLS, WAF / Cloud Armor at the load balancer;
 *   the trading engine's `publicRoute` on the edge's Istio Gateway): in prod the name that fails
 *   over to the GCP dr environment (`platform:dr.failover.hostname`, seed 003's failover routing;
 *   docs/dr.md), in dr the same name (`platform:dr.hostnames`), elsewhere `quantumalpha.<zone>`.
 *   Without an edge (dev) the engine is not published.
 *
 * What the seed names that this stack cannot say (multi-region, DocumentDB and the other stores,
 * GPU pools, Global Accelerator) is in examples/README.md.
 */
import { isProductionEnvironment } from "@platform/core";
import { appStack, teamSpace, type TeamSpace, Workload, type WorkloadArgs } from "@platform/workload";

export const TEAM = "quantumalpha";
export const VERSION = "3.2.0";
export const PORT = 8080;
export const NAMESPACES = { data: "qa-data", trading: "qa-trading", risk: "qa-risk" } as const;

export function program() {
    const app = appStack("quantumalpha");
    const { settings } = app;
    const production = isProductionEnvironment(settings.environment);
    const spaces = Object.fromEntries(
        Object.entries(NAMESPACES).map(([fn, ns]) => [
            fn,
            teamSpace(app, { name: ns, namespace: ns, team: TEAM, labels: { function: fn } }),
        ]),
    ) as Record<keyof typeof NAMESPACES, TeamSpace>;
    const service = (
        name: string,
        fn: keyof typeof NAMESPACES,
        from: WorkloadArgs["ingress"],
        to: WorkloadArgs["egress"],
        max: number,
        publicRoute?: WorkloadArgs["publicRoute"],
    ): Workload =>
        new Workload(
            name,
            {
                ...spaces[fn].defaults,
                image: `ghcr.io/quantumalpha/${name}:${VERSION}`,
                version: VERSION,
                port: PORT,
                resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
                health: { readinessPath: "/ready", livenessPath: "/health" },
                // "Full redundancy and high availability" in production: one replica per zone.
                replicas: { min: production ? 3 : settings.profile.minReplicas, max },
                ...(from !== undefined ? { ingress: from } : {}),
                ...(to !== undefined ? { egress: to } : {}),
                ...(publicRoute !== undefined ? { publicRoute } : {}),
            },
            spaces[fn].after,
        );
    const database = { peers: [{ cidr: settings.network.cidr }], ports: [5432, 6379] };
    const marketData = service(
        "market-data",
        "data",
        [
            {
                peers: [
                    { namespace: NAMESPACES.trading, app: "trading-engine" },
                    { namespace: NAMESPACES.risk, app: "risk-engine" },
                ],
                ports: [PORT],
            },
        ],
        [database],
        12,
    );
    const risk = service(
        "risk-engine",
        "risk",
        [{ peers: [{ namespace: NAMESPACES.trading, app: "trading-engine" }], ports: [PORT] }],
        [database, { peers: [{ namespace: NAMESPACES.data, app: "market-data" }], ports: [PORT] }],
        12,
    );
    // The public name: prod's failover name, dr's (the same one), else one under the zone; published
    // only where the edge serves it.
    const zone = settings.dns.publicZone;
    const failoverName = settings.cloud === "aws" ? settings.dr?.failover?.hostname : settings.dr?.hostnames[0];
    const wanted = failoverName ?? (zone !== undefined ? `quantumalpha.${zone}` : undefined);
    const gateway = wanted !== undefined ? app.publicGateway(wanted) : undefined;
    const host = gateway !== undefined ? wanted : undefined;
    const trading = service(
        "trading-engine",
        "trading",
        undefined,
        [
            database,
            {
                peers: [
                    { namespace: NAMESPACES.data, app: "market-data" },
                    { namespace: NAMESPACES.risk, app: "risk-engine" },
                ],
                ports: [PORT],
            },
        ],
        20,
        gateway !== undefined && host !== undefined ? { gateway, hostnames: [host] } : undefined,
    );
    return { namespaces: Object.values(NAMESPACES), host: host ?? null, addresses: [marketData.address, risk.address, trading.address] };
}
