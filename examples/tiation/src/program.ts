/**
 * Tiation (seed 000) on the platform, as its team would write it: namespace `tiation` and the
 * seed's four services as golden-path Workloads (C16): `liberation-system` (the public one: HTTP
 * on 3000, `GET /health` as in the seed's compose health check, 3 replicas in production as the
 * seed's restore procedure scales it back to), `ai-agents` (`AI_MODEL_PATH=/models`),
 * `terminal-workflows` and `cms`. Public traffic comes through the NGINX Ingress Controller (N16)
 * with a Let's Encrypt certificate (P1) on `tiation.<public zone>`, routed from the public edge
 * where the environment has one; the services reach Postgres
 * (5432, seed S11's egress) and Redis (6379) of the data layer inside the VPC.
 *
 * What the seed asks that this stack cannot say is listed in examples/README.md (the model
 * volume, GPU nodes, the seed's `:latest` tags, Docker Compose dev).
 */
import { isProductionEnvironment } from "@platform/core";
import { appStack, teamSpace, Workload, type WorkloadArgs, workloadIngress } from "@platform/workload";

export const NAMESPACE = "tiation";
export const TEAM = "tiation";
/** Pinned releases (the seed's `${VERSION:-latest}` is refused by the platform: a tag names one build). */
export const VERSION = "2.4.0";
/** The seed's health check: `curl -f http://localhost:3000/health`. */
export const PORT = 3000;
export const HEALTH_PATH = "/health";

export function program() {
    const app = appStack("tiation");
    const { settings } = app;
    const production = isProductionEnvironment(settings.environment);
    const { defaults, after } = teamSpace(app, { name: "tiation", namespace: NAMESPACE, team: TEAM });
    const common = {
        ...defaults,
        version: VERSION,
        port: PORT,
        health: { readinessPath: HEALTH_PATH, livenessPath: HEALTH_PATH },
        // Seed S11: Postgres (5432); the Redis cluster (6379) of the data layer.
        egress: [{ peers: [{ cidr: settings.network.cidr }], ports: [5432, 6379] }],
    } satisfies Partial<WorkloadArgs>;

    const liberation = new Workload(
        "liberation-system",
        {
            ...common,
            image: `ghcr.io/tiation/liberation-system:${VERSION}`,
            resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
            // Seed: restored "--replicas=3" in production (3 nodes of 8 vCPU / 32 GB).
            replicas: { min: production ? 3 : settings.profile.minReplicas, max: 10 },
            // Seed S11 allows port 3000 from the namespace; the public path is the ingress controller.
            ingress: [{ peers: [{ namespace: "ingress-nginx" }], ports: [PORT] }],
            egress: [...common.egress, { peers: [{ app: "ai-agents" }, { app: "terminal-workflows" }, { app: "cms" }], ports: [PORT] }],
        },
        after,
    );
    const internal = (name: string, env?: Record<string, string>) =>
        new Workload(
            name,
            {
                ...common,
                image: `ghcr.io/tiation/${name}:${VERSION}`,
                resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
                replicas: { min: production ? 2 : settings.profile.minReplicas, max: 6 },
                ingress: [{ peers: [{ app: "liberation-system" }], ports: [PORT] }],
                ...(env !== undefined ? { env } : {}),
            },
            after,
        );
    // The seed mounts a model volume at /models; the golden path has no volumes yet (examples/README.md).
    const agents = internal("ai-agents", { AI_MODEL_PATH: "/models" });
    const workflows = internal("terminal-workflows");
    const cms = internal("cms");

    const zone = settings.dns.publicZone;
    if (zone !== undefined) {
        const host = `tiation.${zone}`;
        // On the public edge where there is one (its load balancer is then the one way in).
        workloadIngress(
            "tiation-web",
            liberation,
            {
                controller: "nginx",
                host,
                labels: { app: "liberation-system", team: TEAM, environment: settings.environment },
                publicGateway: app.publicGateway(host),
            },
            { provider: app.k8sProvider },
        );
    }
    return {
        namespace: NAMESPACE,
        addresses: [liberation.address, agents.address, workflows.address, cms.address],
    };
}
