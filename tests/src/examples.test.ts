import * as assert from "node:assert/strict";
import * as path from "node:path";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import "@platform/addons";
import { at, countByType, listAt, type InventoryResource } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { REPO_ROOT } from "./paths.js";

const PROJECTS = ["docuthinker", "auterity", "tiation", "sma", "quantumalpha"];
const EXAMPLES = PROJECTS.map((e) => path.join(REPO_ROOT, "examples", e));
const results = new Map<string, Promise<EnvironmentSynthesis>>();
function synth(env: string): Promise<EnvironmentSynthesis> {
    const cached = results.get(env) ?? synthesizeEnvironment({ root: REPO_ROOT, env, appProjects: EXAMPLES });
    results.set(env, cached);
    return cached;
}
function stack(result: EnvironmentSynthesis, project: string): InventoryResource[] {
    const found = result.stacks.find((s) => s.project === project);
    assert.ok(found, project);
    return found.resources;
}
const k8s = (resources: InventoryResource[]) => countByType(resources.filter((r) => r.type.startsWith("kubernetes:")));

describe("examples: the five seed systems on the platform (000 Tiation, 001 DocuThinker, 002 SMA, 003 QuantumAlpha, 004 Auterity)", () => {
    for (const env of ["dev", "staging", "prod", "dr"]) {
        it(`${env}: all five synthesize after the layers with zero mandatory violations of any pack, and every object but the Canary has a schema`, async () => {
            const result = await synth(env);
            assert.deepEqual(
                result.stacks.slice(-PROJECTS.length).map((s) => s.project),
                PROJECTS,
            );
            assert.deepEqual(
                result.violations.filter((v) => v.enforcementLevel === "mandatory"),
                [],
            );
            const objects = PROJECTS.flatMap((p) => stack(result, p)).filter(
                (r) => r.custom && r.type.startsWith("kubernetes:") && r.type !== "kubernetes:flagger.app/v1beta1:Canary",
            );
            assert.deepEqual(
                objects.flatMap((r) => {
                    try {
                        validateObject(r.inputs);
                        return [];
                    } catch (err) {
                        return [`${r.urn}: ${(err as Error).message}`];
                    }
                }),
                [],
            );
        });
    }

    it("prod DocuThinker: frontend and backend Workloads, the backend with a canary, KEDA (queue, Prometheus, cron) and an AuthorizationPolicy", async () => {
        const resources = stack(await synth("prod"), "docuthinker");
        assert.deepEqual(k8s(resources), [
            { type: "kubernetes:apps/v1:Deployment", count: 2 },
            { type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", count: 1 },
            { type: "kubernetes:core/v1:Namespace", count: 1 },
            { type: "kubernetes:core/v1:Service", count: 1 },
            { type: "kubernetes:core/v1:ServiceAccount", count: 2 },
            { type: "kubernetes:flagger.app/v1beta1:Canary", count: 1 },
            { type: "kubernetes:keda.sh/v1alpha1:ScaledObject", count: 1 },
            { type: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor", count: 2 },
            { type: "kubernetes:networking.k8s.io/v1:NetworkPolicy", count: 5 },
            { type: "kubernetes:policy/v1:PodDisruptionBudget", count: 2 },
            { type: "kubernetes:security.istio.io/v1:AuthorizationPolicy", count: 1 },
        ]);
        const scaled = resources.find((r) => r.type === "kubernetes:keda.sh/v1alpha1:ScaledObject")?.inputs["spec"];
        assert.deepEqual(
            [
                at(scaled, "minReplicaCount"),
                at(scaled, "maxReplicaCount"),
                listAt(scaled, "triggers").map((t) => [at(t, "type"), at(t, "metadata")]),
            ],
            [
                3,
                50,
                [
                    ["cpu", { value: "80" }],
                    ["aws-sqs-queue", { queueURL: "acme-prod-jobs", queueLength: "5", awsRegion: "us-east-1" }],
                    [
                        "prometheus",
                        {
                            serverAddress: "http://prometheus-operated.monitoring.svc:9090",
                            query: 'sum(rate(http_requests_total{app="backend"}[1m]))',
                            threshold: "100",
                        },
                    ],
                    ["cron", { timezone: "America/New_York", start: "0 8 * * 1-5", end: "0 18 * * 1-5", desiredReplicas: "10" }],
                ],
            ],
        );
        const hpa = resources.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")?.inputs["spec"] as Record<
            string,
            unknown
        >;
        assert.deepEqual([at(hpa, "minReplicas"), at(hpa, "maxReplicas")], [3, 10], "frontend: 3 in prod (seed C17)");
    });

    it("prod Auterity: seed 004's resources and HPA 2-10 at 80%, an Ingress on Kong with TLS; dev has no Ingress (no public zone)", async () => {
        const resources = stack(await synth("prod"), "auterity");
        const deployment = resources.find((r) => r.type === "kubernetes:apps/v1:Deployment")?.inputs["spec"];
        assert.deepEqual(at(deployment, "template", "spec", "containers", 0, "resources"), {
            requests: { cpu: "1", memory: "2Gi" },
            limits: { cpu: "2", memory: "4Gi" },
        });
        const hpa = resources.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")?.inputs["spec"];
        assert.deepEqual(
            [at(hpa, "minReplicas"), at(hpa, "maxReplicas"), at(hpa, "metrics", 0, "resource", "target", "averageUtilization")],
            [2, 10, 80],
        );
        const ingress = resources.find((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress")?.inputs["spec"];
        assert.deepEqual(
            [at(ingress, "ingressClassName"), at(ingress, "tls")],
            ["kong", [{ hosts: ["api.acme.example.com"], secretName: "auterity-api-tls" }]],
        );
        // Kong reaches the app (mTLS only) through its mesh sidecar: the Service by its name.
        const service = resources.find((r) => r.type === "kubernetes:core/v1:Service" && at(r.inputs, "metadata", "name") === "auterity");
        assert.deepEqual(at(service?.inputs, "metadata", "annotations"), {
            "ingress.kubernetes.io/service-upstream": "true",
            "konghq.com/host-header": "auterity.auterity.svc.cluster.local",
        });
        assert.equal(stack(await synth("dev"), "auterity").filter((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress").length, 0);
    });

    const hpaOf = (resources: InventoryResource[], app: string) =>
        resources.find(
            (r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" && at(r.inputs, "spec", "scaleTargetRef", "name") === app,
        )?.inputs["spec"];
    const deploymentOf = (resources: InventoryResource[], app: string) =>
        resources.find((r) => r.type === "kubernetes:apps/v1:Deployment" && at(r.inputs, "metadata", "name") === app)?.inputs["spec"];

    it("prod Tiation (seed 000): four services on 3000 with GET /health, liberation-system 3 replicas, Postgres 5432 egress, TLS on tiation.<zone>", async () => {
        const resources = stack(await synth("prod"), "tiation");
        assert.deepEqual(
            ["liberation-system", "ai-agents", "terminal-workflows", "cms"].map((app) => {
                const container = at(deploymentOf(resources, app), "template", "spec", "containers", 0);
                return [
                    app,
                    at(container, "image"),
                    at(container, "ports", 0, "containerPort"),
                    at(container, "readinessProbe", "httpGet", "path"),
                    at(hpaOf(resources, app), "minReplicas"),
                ];
            }),
            [
                ["liberation-system", "ghcr.io/tiation/liberation-system:2.4.0", 3000, "/health", 3],
                ["ai-agents", "ghcr.io/tiation/ai-agents:2.4.0", 3000, "/health", 2],
                ["terminal-workflows", "ghcr.io/tiation/terminal-workflows:2.4.0", 3000, "/health", 2],
                ["cms", "ghcr.io/tiation/cms:2.4.0", 3000, "/health", 2],
            ],
        );
        const env = listAt(at(deploymentOf(resources, "ai-agents"), "template", "spec", "containers", 0), "env");
        assert.ok(env.some((e) => at(e, "name") === "AI_MODEL_PATH" && at(e, "value") === "/models"));
        const policy = resources.find(
            (r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && r.name === "liberation-system-network-policy",
        )?.inputs["spec"];
        // From the ingress controller on 3000 (seed S11's port); the second rule is the platform's scrape.
        assert.deepEqual(
            listAt(policy, "ingress")
                .slice(0, 1)
                .map((rule) => [
                    at(rule, "from", 0, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"),
                    listAt(rule, "ports").map((p) => at(p, "port")),
                ]),
            [["ingress-nginx", [3000]]],
        );
        assert.ok(listAt(policy, "egress").some((rule) => listAt(rule, "ports").some((p) => at(p, "port") === 5432)));
        const ingress = resources.find((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress")?.inputs["spec"];
        const meta = resources.find((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress")?.inputs["metadata"];
        assert.deepEqual(
            [at(ingress, "ingressClassName"), at(ingress, "tls"), at(meta, "annotations")],
            [
                "nginx",
                [{ hosts: ["tiation.acme.example.com"], secretName: "tiation-web-tls" }],
                {
                    "cert-manager.io/cluster-issuer": "letsencrypt-production",
                    "nginx.ingress.kubernetes.io/service-upstream": "true",
                    "nginx.ingress.kubernetes.io/upstream-vhost": "liberation-system.tiation.svc.cluster.local",
                },
            ],
        );
    });

    it("prod SMA (seed 002): sma-backend 5 replicas at v1.2.3, the alert policies' thresholds (5% errors, 80% CPU, 90% memory, downtime at once)", async () => {
        const resources = stack(await synth("prod"), "sma");
        assert.deepEqual(
            ["sma-backend", "sma-frontend"].map((app) => [
                at(deploymentOf(resources, app), "template", "spec", "containers", 0, "image"),
                at(hpaOf(resources, app), "minReplicas"),
                at(hpaOf(resources, app), "maxReplicas"),
            ]),
            [
                ["ghcr.io/sma-platform/backend:v1.2.3", 5, 20],
                ["ghcr.io/sma-platform/frontend:v1.2.3", 3, 10],
            ],
        );
        const rules = resources.find((r) => r.type === "kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        assert.equal(at(rules?.inputs, "metadata", "labels", "release"), "kube-prometheus-stack");
        const alerts = listAt(at(rules?.inputs, "spec"), "groups").flatMap((g) => listAt(g, "rules"));
        assert.deepEqual(
            alerts.map((r) => [
                at(r, "alert"),
                String(at(r, "expr"))
                    .match(/(==|>) ([\d.]+)$/)
                    ?.slice(1),
                at(r, "for"),
                at(r, "labels", "severity"),
            ]),
            [
                ["SmaServiceDown", ["==", "0"], "1m", "critical"],
                ["SmaHighErrorRate", [">", "0.05"], "5m", "critical"],
                ["SmaHighCpu", [">", "0.8"], "5m", "warning"],
                ["SmaHighMemory", [">", "0.9"], "5m", "warning"],
            ],
        );
        // One Ingress per Service, each sent through nginx's mesh sidecar by the Service's name.
        assert.deepEqual(
            resources
                .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress")
                .sort((a, b) => String(at(b.inputs, "metadata", "name")).localeCompare(String(at(a.inputs, "metadata", "name"))))
                .map((r) => [
                    at(r.inputs, "metadata", "name"),
                    at(r.inputs, "spec", "tls"),
                    at(r.inputs, "spec", "rules", 0, "http", "paths", 0, "backend", "service"),
                    at(r.inputs, "metadata", "annotations", "nginx.ingress.kubernetes.io/upstream-vhost"),
                ]),
            [
                [
                    "sma-web",
                    [{ hosts: ["sma.acme.example.com"], secretName: "sma-web-tls" }],
                    { name: "sma-frontend", port: { number: 3000 } },
                    "sma-frontend.sma.svc.cluster.local",
                ],
                [
                    "sma-api",
                    [{ hosts: ["sma-api.acme.example.com"], secretName: "sma-api-tls" }],
                    { name: "sma-backend", port: { number: 8080 } },
                    "sma-backend.sma.svc.cluster.local",
                ],
            ],
        );
    });

    it("the public names on Kong and nginx (tiation, sma's two, auterity) are routed from the edge to the controller's HTTPS port in staging and prod; dev and dr publish none", async () => {
        const routes = async (env: string) =>
            (await synth(env)).stacks
                .filter((s) => ["tiation", "sma", "auterity"].includes(s.project))
                .flatMap((s) => s.resources.filter((r) => r.type === "kubernetes:networking.istio.io/v1:VirtualService"))
                .map((r) => [
                    at(r.inputs, "metadata", "namespace"),
                    at(r.inputs, "metadata", "name"),
                    at(r.inputs, "spec", "hosts"),
                    at(r.inputs, "spec", "gateways"),
                    at(r.inputs, "spec", "http", 0, "route", 0, "destination"),
                ]);
        const nginx = { host: "ingress-nginx-controller.ingress-nginx.svc.cluster.local", port: { number: 443 } };
        const kong = { host: "kong-kong-proxy.kong.svc.cluster.local", port: { number: 443 } };
        const edge = ["istio-ingress/public-edge"];
        for (const [env, zone] of [
            ["prod", "acme.example.com"],
            ["staging", "staging.acme.example.com"],
        ] as const) {
            assert.deepEqual(
                await routes(env),
                [
                    ["auterity", "auterity-api-ingress-public", [`api.${zone}`], edge, kong],
                    ["tiation", "tiation-web-ingress-public", [`tiation.${zone}`], edge, nginx],
                    ["sma", "sma-api-ingress-public", [`sma-api.${zone}`], edge, nginx],
                    ["sma", "sma-web-ingress-public", [`sma.${zone}`], edge, nginx],
                ],
                env,
            );
        }
        assert.deepEqual(await routes("dev"), [], "dev: no public zone, no Ingress");
        assert.deepEqual(await routes("dr"), [], "dr: no public zone for these names");
        // The platform layer gives each controller the DestinationRule that route needs (one-way TLS to its HTTPS port).
        const platform = stack(await synth("prod"), "platform-addons");
        assert.deepEqual(
            platform
                .filter((r) => r.type === "kubernetes:networking.istio.io/v1:DestinationRule")
                .map((r) => [at(r.inputs, "spec", "host"), at(r.inputs, "spec", "trafficPolicy", "portLevelSettings")])
                .sort(),
            [
                [kong.host, [{ port: { number: 443 }, tls: { mode: "SIMPLE" } }]],
                [nginx.host, [{ port: { number: 443 }, tls: { mode: "SIMPLE" } }]],
            ].sort(),
        );
    });

    it("QuantumAlpha (seed 003): three functional namespaces, 3 replicas each in prod, only the allowed cross-namespace calls, the failover name on the public edge in prod and dr", async () => {
        const resources = stack(await synth("prod"), "quantumalpha");
        assert.deepEqual(
            resources.filter((r) => r.type === "kubernetes:core/v1:Namespace").map((r) => at(r.inputs, "metadata", "name")),
            ["qa-data", "qa-trading", "qa-risk"],
        );
        assert.deepEqual(
            ["market-data", "risk-engine", "trading-engine"].map((app) => [
                at(hpaOf(resources, app), "minReplicas"),
                at(hpaOf(resources, app), "maxReplicas"),
            ]),
            [
                [3, 12],
                [3, 12],
                [3, 20],
            ],
        );
        const market = resources.find(
            (r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && r.name === "market-data-network-policy",
        )?.inputs["spec"];
        assert.deepEqual(
            listAt(market, "ingress")
                .slice(0, 1)
                .flatMap((rule) =>
                    listAt(rule, "from").map((peer) => [
                        at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"),
                        at(peer, "podSelector", "matchLabels", "app"),
                    ]),
                ),
            [
                ["qa-trading", "trading-engine"],
                ["qa-risk", "risk-engine"],
            ],
        );
        // The public name: a VirtualService on the edge's Istio Gateway to the trading engine, which admits the ingress gateway.
        const route = (env: string) =>
            synth(env).then((r) => stack(r, "quantumalpha").filter((x) => x.type === "kubernetes:networking.istio.io/v1:VirtualService"));
        const [prodRoute] = await route("prod");
        assert.deepEqual(
            [
                at(prodRoute?.inputs, "metadata", "namespace"),
                at(prodRoute?.inputs, "spec", "hosts"),
                at(prodRoute?.inputs, "spec", "gateways"),
            ],
            ["qa-trading", ["app.acme.example.com"], ["istio-ingress/public-edge"]],
            "prod serves the name platform:dr.failover fails over, through the edge",
        );
        assert.deepEqual(at(prodRoute?.inputs, "spec", "http", 0, "route", 0, "destination"), {
            host: "trading-engine.qa-trading.svc.cluster.local",
            port: { number: 8080 },
        });
        const [drRoute] = await route("dr");
        assert.deepEqual(at(drRoute?.inputs, "spec", "hosts"), ["app.acme.example.com"], "dr serves the same name behind its edge");
        const [stagingRoute] = await route("staging");
        assert.match(String(at(stagingRoute?.inputs, "spec", "hosts", 0)), /^quantumalpha\.staging\./);
        assert.equal((await route("dev")).length, 0, "dev has no edge: not published");
        for (const env of ["prod", "dr"]) {
            assert.equal(
                stack(await synth(env), "quantumalpha").filter((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress").length,
                0,
                `${env}: no ingress-nginx route`,
            );
        }
        const trading = resources.find(
            (r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && r.name === "trading-engine-network-policy",
        );
        assert.deepEqual(
            listAt(trading?.inputs["spec"], "ingress")
                .slice(0, 1)
                .flatMap((rule) =>
                    listAt(rule, "from").map((peer) => at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")),
                ),
            ["istio-ingress"],
        );
    });
});
