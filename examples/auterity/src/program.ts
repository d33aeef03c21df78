/**
 * Auterity (seed 004) on the platform, as its team would write it: namespace `auterity` and the
 * application as a golden-path Workload: seed 004's resources (requests 1 CPU / 2Gi, limits 2 CPU
 * / 4Gi), its HPA (2 to 10 replicas at 80 % CPU), port 8000, reached through Kong (seed N30); on
 * environments with a public zone, an Ingress of class `kong` on `api.<zone>` with a Let's Encrypt
 * certificate, routed from the public edge where the environment has one. Its data (Postgres, Redis, RabbitMQ) lives in the data layer, inside the VPC.
 */
import { appStack, teamSpace, Workload, workloadIngress } from "@platform/workload";

export const NAMESPACE = "auterity";
export const TEAM = "auterity";
export const VERSION = "1.8.0";

export function program() {
    const app = appStack("auterity");
    const { settings } = app;
    const { defaults, after } = teamSpace(app, { name: "auterity", namespace: NAMESPACE, team: TEAM });
    const workload = new Workload(
        "auterity",
        {
            ...defaults,
            image: `ghcr.io/auterity/app:${VERSION}`,
            version: VERSION,
            port: 8000,
            resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
            health: { readinessPath: "/health/ready", livenessPath: "/health/live" },
            // Seed C8: autoscaling/v2, 2 to 10 replicas at 80% CPU (the golden path's default).
            replicas: { min: Math.max(2, settings.profile.minReplicas), max: 10 },
            ingress: [{ peers: [{ namespace: "kong" }], ports: [8000] }],
            // Postgres 5432, Redis 6379, RabbitMQ over TLS 5671: the data layer, inside the VPC.
            egress: [{ peers: [{ cidr: settings.network.cidr }], ports: [5432, 6379, 5671] }],
        },
        after,
    );
    const zone = settings.dns.publicZone;
    if (zone !== undefined) {
        const host = `api.${zone}`;
        workloadIngress(
            "auterity-api",
            workload,
            {
                controller: "kong",
                host,
                // On the public edge where there is one: the gateway reaches Kong over HTTPS, so https-only holds.
                publicGateway: app.publicGateway(host),
                annotations: { "konghq.com/protocols": "https", "konghq.com/https-redirect-status-code": "308" },
                labels: { app: "auterity", team: TEAM, environment: settings.environment },
            },
            { provider: app.k8sProvider },
        );
    }
    return { namespace: NAMESPACE, address: workload.address };
}
