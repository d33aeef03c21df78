/**
 * DocuThinker (seed 001) on the platform, as its team would write it: namespace `docuthinker`
 * (Pod Security restricted, default deny, Istio sidecars), and two golden-path Workloads:
 *
 * - `frontend` (seed C17: 3 in production): HTTP on 3000, reached through the Istio ingress gateway;
 * - `backend` (port 8080): a Flagger canary with the seed 001 analysis (DL5), KEDA scaling on the
 *   seed's three scalers (C10 queue length 5, C11 Prometheus request rate 100, C12 business-hours
 *   cron to 10, 1-50 replicas), and an Istio AuthorizationPolicy that lets only the frontend and
 *   the ingress gateway call it.
 */
import { type AppStack, appStack, type ScaledTrigger, teamSpace, Workload } from "@platform/workload";
import { isProductionEnvironment } from "@platform/core";
import * as aws from "@pulumi/aws";

export const NAMESPACE = "docuthinker";
export const TEAM = "docuthinker";
/** The releases the team deploys (a change here is a deployment; the canary rolls it out). */
export const VERSIONS = { frontend: "2.3.1", backend: "1.4.2" } as const;

/**
 * Seed 001's scalers: the work queue (SQS on AWS, by name: KEDA resolves it in the region; Pub/Sub
 * on GCP), the request rate, business hours. The queue's scaler authenticates as the KEDA operator.
 */
export function backendTriggers(app: AppStack, queue: string): ScaledTrigger[] {
    const { settings } = app;
    const work: ScaledTrigger =
        settings.cloud === "aws"
            ? {
                  type: "aws-sqs-queue",
                  metadata: { queueURL: queue, queueLength: "5", awsRegion: settings.region },
                  clusterAuthentication: "keda-pod-identity",
              }
            : {
                  type: "gcp-pubsub",
                  metadata: { subscriptionName: queue, mode: "SubscriptionSize", value: "5" },
                  clusterAuthentication: "keda-pod-identity",
              };
    return [
        work,
        {
            type: "prometheus",
            metadata: {
                serverAddress: "http://prometheus-operated.monitoring.svc:9090",
                query: 'sum(rate(http_requests_total{app="backend"}[1m]))',
                threshold: "100",
            },
        },
        { type: "cron", metadata: { timezone: "America/New_York", start: "0 8 * * 1-5", end: "0 18 * * 1-5", desiredReplicas: "10" } },
    ];
}

export function program() {
    const app = appStack("docuthinker");
    const { settings } = app;
    const production = isProductionEnvironment(settings.environment);
    const { defaults: common, after } = teamSpace(app, { name: "docuthinker", namespace: NAMESPACE, team: TEAM });

    const frontend = new Workload(
        "frontend",
        {
            ...common,
            image: `ghcr.io/docuthinker/frontend:${VERSIONS.frontend}`,
            version: VERSIONS.frontend,
            port: 3000,
            resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
            health: { readinessPath: "/ready", livenessPath: "/health" },
            replicas: { min: production ? 3 : settings.profile.minReplicas, max: 10 },
            ingress: [{ peers: [{ namespace: "istio-ingress" }], ports: [3000] }],
            egress: [{ peers: [{ app: "backend" }], ports: [8080] }],
        },
        after,
    );
    const queue = `${settings.project}-${settings.environment}-jobs`;
    // The backend consumes the work queue: receive and delete on this queue only (AWS), subscriber on GCP.
    const queuePolicy =
        settings.cloud === "aws"
            ? aws.getCallerIdentityOutput({}, { provider: app.provider }).accountId.apply((id) =>
                  JSON.stringify({
                      Version: "2012-10-17",
                      Statement: [
                          {
                              Effect: "Allow",
                              Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
                              Resource: `arn:aws:sqs:${settings.region}:${id}:${queue}`,
                          },
                      ],
                  }),
              )
            : undefined;
    const backend = new Workload(
        "backend",
        {
            ...common,
            image: `ghcr.io/docuthinker/backend:${VERSIONS.backend}`,
            version: VERSIONS.backend,
            port: 8080,
            resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
            health: { readinessPath: "/ready", livenessPath: "/health" },
            // Seed C10: 1 to 50 replicas on the queue; never below the environment's floor (3 in production, seed C17).
            replicas: { min: production ? 3 : settings.profile.minReplicas, max: 50 },
            canary: {},
            scaling: { triggers: backendTriggers(app, queue) },
            authorization: {
                principals: [`cluster.local/ns/${NAMESPACE}/sa/frontend`, "cluster.local/ns/istio-ingress/sa/istio-ingressgateway"],
            },
            ingress: [{ peers: [{ app: "frontend" }, { namespace: "istio-ingress" }], ports: [8080] }],
            // Postgres and Redis of the data layer, inside the VPC.
            egress: [{ peers: [{ cidr: settings.network.cidr }], ports: [5432, 6379] }],
            identity: {
                cluster: app.cluster,
                ...(queuePolicy !== undefined ? { awsPolicy: queuePolicy } : { gcpProjectRoles: ["roles/pubsub.subscriber"] }),
            },
        },
        after,
    );
    return { namespace: NAMESPACE, frontend: frontend.address, backend: backend.address };
}
