import * as assert from "node:assert/strict";
import * as path from "node:path";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import "@platform/addons";
import { at, countByType, listAt, type InventoryResource } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { REPO_ROOT } from "./paths.js";

const EXAMPLES = ["docuthinker", "auterity"].map((e) => path.join(REPO_ROOT, "examples", e));
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

describe("examples: seed 001 (DocuThinker) and seed 004 (Auterity) on the platform", () => {
    for (const env of ["dev", "staging", "prod", "dr"]) {
        it(`${env}: both synthesize after the layers with zero mandatory violations of any pack, and every object but the Canary has a schema`, async () => {
            const result = await synth(env);
            assert.deepEqual(
                result.stacks.slice(-2).map((s) => s.project),
                ["docuthinker", "auterity"],
            );
            assert.deepEqual(
                result.violations.filter((v) => v.enforcementLevel === "mandatory"),
                [],
            );
            const objects = [...stack(result, "docuthinker"), ...stack(result, "auterity")].filter(
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
        assert.equal(stack(await synth("dev"), "auterity").filter((r) => r.type === "kubernetes:networking.k8s.io/v1:Ingress").length, 0);
    });
});
