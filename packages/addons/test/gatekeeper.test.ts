import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { GATEKEEPER_MUTATIONS, GATEKEEPER_RULES } from "@platform/security";
import { validateObject } from "@platform/workload/schemas";
import { type AddonContext, CHARTS, Gatekeeper, type GatekeeperArgs } from "../src/index.js";

const context: AddonContext = {
    naming: { project: "acme", environment: "prod" },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" },
    clusterName: "acme-prod-eks",
    onSystemNodes: true,
    labels: { environment: "prod", team: "platform" },
};
const args: GatekeeperArgs = { context, replicas: 3, trustedRegistries: ["ghcr.io"], minReplicas: 2, environment: "prod" };

async function synth(program: () => void): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program })).resources;
}

describe("Gatekeeper add-on", () => {
    it("the pinned chart, ten templates, a constraint per template and the eight mutations", async () => {
        const resources = await synth(() => new Gatekeeper("gatekeeper", args));
        const counts = Object.fromEntries(countByType(resources).map((c) => [c.type, c.count])) as Record<string, number | undefined>;
        assert.equal(counts["kubernetes:helm.sh/v3:Release"], 1);
        assert.equal(counts["kubernetes:templates.gatekeeper.sh/v1:ConstraintTemplate"], 10);
        assert.equal(counts["kubernetes:mutations.gatekeeper.sh/v1:Assign"], 7);
        assert.equal(counts["kubernetes:mutations.gatekeeper.sh/v1:AssignMetadata"], 1);
        for (const rule of GATEKEEPER_RULES) {
            assert.equal(counts[`kubernetes:constraints.gatekeeper.sh/v1beta1:${rule.kind}`], 1, rule.kind);
        }
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "gatekeeper-release");
        assert.deepEqual(
            [release.inputs["chart"], release.inputs["version"], release.inputs["namespace"]],
            ["gatekeeper", CHARTS.gatekeeper.version, "gatekeeper-system"],
        );
        const values = release.inputs["values"] as Record<string, unknown>;
        assert.deepEqual(
            [values["replicas"], values["auditInterval"], values["logDenies"], values["disableMutation"], values["podDisruptionBudget"]],
            [3, 3600, true, false, { enabled: true, maxUnavailable: 1 }],
        );
        assert.deepEqual(values["nodeSelector"], { "platform.io/node-pool": "system" });
    });

    it("templates wait for the release, each constraint for its own template, mutations for the release", async () => {
        const resources = await synth(() => new Gatekeeper("gatekeeper", args));
        const urnOf = (type: string, name: string) => findResource(resources, type, name).urn;
        const release = urnOf("kubernetes:helm.sh/v3:Release", "gatekeeper-release");
        for (const rule of GATEKEEPER_RULES) {
            const id = rule.kind.toLowerCase();
            const template = findResource(
                resources,
                "kubernetes:templates.gatekeeper.sh/v1:ConstraintTemplate",
                `gatekeeper-template-${id}`,
            );
            assert.deepEqual(template.dependencies, [release], id);
            const constraint = findResource(
                resources,
                `kubernetes:constraints.gatekeeper.sh/v1beta1:${rule.kind}`,
                `gatekeeper-constraint-${id}`,
            );
            assert.deepEqual(constraint.dependencies, [template.urn], id);
        }
        for (const m of ofType(resources, "kubernetes:mutations.gatekeeper.sh/v1:Assign")) {
            assert.deepEqual(m.dependencies, [release], m.name);
        }
    });

    it("constraints and mutations select app namespaces only, carry the arguments, and validate against their schemas", async () => {
        const resources = await synth(() => new Gatekeeper("gatekeeper", { ...args, minReplicas: 1, environment: "staging" }));
        const gatekeeperObjects = resources.filter((r) => r.custom && /gatekeeper\.sh/.test(r.type));
        assert.equal(gatekeeperObjects.length, 28);
        for (const object of gatekeeperObjects) {
            validateObject(object.inputs);
            if (object.type.startsWith("kubernetes:templates.")) continue;
            const match = (object.inputs["spec"] as { match: Record<string, unknown> }).match;
            assert.deepEqual(match["namespaceSelector"], { matchLabels: { "platform.io/namespace-kind": "app" } }, object.name);
        }
        const minReplicas = findResource(
            resources,
            "kubernetes:constraints.gatekeeper.sh/v1beta1:K8sPlatformMinReplicas",
            "gatekeeper-constraint-k8splatformminreplicas",
        );
        assert.deepEqual((minReplicas.inputs["spec"] as Record<string, unknown>)["parameters"], { min: 1 });
        const label = ofType(resources, "kubernetes:mutations.gatekeeper.sh/v1:AssignMetadata")[0];
        assert.deepEqual((label?.inputs["spec"] as { parameters: unknown }).parameters, { assign: { value: "staging" } });
        assert.deepEqual(
            ofType(resources, "kubernetes:mutations.gatekeeper.sh/v1:Assign")
                .map((r) => (r.inputs["metadata"] as { name: string }).name)
                .sort(),
            GATEKEEPER_MUTATIONS.filter((m) => m.kind === "Assign")
                .map((m) => m.name)
                .sort(),
        );
    });

    it("rejects bad arguments, all at once: replicas out of range and no trusted registry", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(() => new Gatekeeper("gatekeeper", { ...args, replicas: 0, minReplicas: 11, trustedRegistries: [] })),
                ),
            ),
            [
                ["replicas", "must be a whole number from 1 to 10"],
                ["minReplicas", "must be a whole number from 1 to 10"],
                ["trustedRegistries", "is empty, so the trusted-registries constraint would deny every image"],
            ],
        );
    });
});
