/**
 * The Social Media Automation platform (seed 002, "SMA") on the platform, as its team would write
 * it: namespace `sma` with `sma-backend` (C18: scaled to 5 replicas in production) and
 * `sma-frontend` as golden-path Workloads, both pinned to the seed's release v1.2.3 on ghcr.io;
 * the public names `sma.<zone>` (frontend) and `sma-api.<zone>` (backend, seed N12's
 * `api.sma-platform.com`, one label under the zone as the public edge's certificate covers) through
 * ingress-nginx with Let's Encrypt TLS (N34: the controller speaks TLS 1.2/1.3 only and sends
 * HSTS), an Ingress each (nginx reaches each Service by name through its mesh sidecar), routed from
 * the public edge where the environment has one; and the seed's alert policies as a PrometheusRule (rules.ts).
 * Its database is the data layer's (Cloud SQL on GCP with point-in-time recovery, RDS on AWS).
 *
 * What the seed asks that this stack cannot say (blue-green, Cloudflare DNS, Cosign verification)
 * is listed in examples/README.md.
 */
import * as k8s from "@pulumi/kubernetes";
import { isProductionEnvironment } from "@platform/core";
import { MONITORING_RELEASE, prometheusRuleManifest } from "@platform/observability";
import { appStack, teamSpace, Workload, type WorkloadArgs, workloadIngress } from "@platform/workload";
import { smaRuleGroups } from "./rules.js";

export const NAMESPACE = "sma";
export const TEAM = "sma";
/** Seed 002 deploys `ghcr.io/repo/backend:v1.2.3` and `.../frontend:v1.2.3`. */
export const VERSION = "v1.2.3";
/** Seed C18: `kubectl scale deployment sma-backend --replicas=5 -n sma-production`. */
export const PRODUCTION_BACKEND_REPLICAS = 5;

export function program() {
    const app = appStack("sma");
    const { settings } = app;
    const production = isProductionEnvironment(settings.environment);
    const { namespace, defaults, after } = teamSpace(app, { name: "sma", namespace: NAMESPACE, team: TEAM });
    const common = {
        ...defaults,
        version: VERSION,
    } satisfies Partial<WorkloadArgs>;

    const backend = new Workload(
        "sma-backend",
        {
            ...common,
            image: `ghcr.io/sma-platform/backend:${VERSION}`,
            port: 8080,
            resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
            health: { readinessPath: "/health/ready", livenessPath: "/health/live" },
            replicas: { min: production ? PRODUCTION_BACKEND_REPLICAS : settings.profile.minReplicas, max: 20 },
            ingress: [{ peers: [{ app: "sma-frontend" }, { namespace: "ingress-nginx" }], ports: [8080] }],
            // Postgres and Redis of the data layer, inside the private network (seed N5).
            egress: [{ peers: [{ cidr: settings.network.cidr }], ports: [5432, 6379] }],
        },
        after,
    );
    const frontend = new Workload(
        "sma-frontend",
        {
            ...common,
            image: `ghcr.io/sma-platform/frontend:${VERSION}`,
            port: 3000,
            resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
            health: { readinessPath: "/ready", livenessPath: "/health" },
            replicas: { min: production ? 3 : settings.profile.minReplicas, max: 10 },
            ingress: [{ peers: [{ namespace: "ingress-nginx" }], ports: [3000] }],
            egress: [{ peers: [{ app: "sma-backend" }], ports: [8080] }],
        },
        after,
    );
    const runbook = settings.security.github
        ? `https://github.com/${settings.security.github.owner}/${settings.security.github.repository}/blob/main/examples/README.md#sma-alerts`
        : "examples/README.md#sma-alerts";
    new k8s.apiextensions.CustomResource(
        "sma-alerts",
        prometheusRuleManifest({
            name: "sma-alerts",
            namespace: NAMESPACE,
            groups: smaRuleGroups(NAMESPACE, runbook),
            labels: { team: TEAM, environment: settings.environment, release: MONITORING_RELEASE },
        }) as k8s.apiextensions.CustomResourceArgs,
        { provider: app.k8sProvider, dependsOn: [namespace] },
    );

    const zone = settings.dns.publicZone;
    if (zone !== undefined) {
        // One Ingress per Service: nginx reaches each through its mesh sidecar by the Service's name.
        // Both on the public edge where there is one; one label under the zone, as its certificate covers.
        const ingress = (name: string, workload: Workload, host: string) => {
            workloadIngress(
                name,
                workload,
                {
                    controller: "nginx",
                    host,
                    labels: { app: workload.appName, team: TEAM, environment: settings.environment },
                    publicGateway: app.publicGateway(host),
                },
                { provider: app.k8sProvider },
            );
        };
        ingress("sma-web", frontend, `sma.${zone}`);
        ingress("sma-api", backend, `sma-api.${zone}`);
    }
    return { namespace: NAMESPACE, backend: backend.address, frontend: frontend.address };
}
