/**
 * Real-engine tests of the simulated `kubernetes` provider plugin (`pulumi-resource-kubernetes`):
 * the pinned `pulumi` CLI runs `tests/fixtures/k8s-app` (a Namespace, a Deployment and a Service
 * through an explicit `kubernetes.Provider`, and a ConfigMap from YAML) through the Automation API.
 * Run by `pnpm test:engine`; skipped, with the reason printed, when no engine has been built.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { readProject } from "@platform/automation";
import type { EngineEvent, OpType, PropertyDiff, Stack } from "@pulumi/pulumi/automation/index.js";
import { FIXTURES } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const SERVICE = "kubernetes:core/v1:Service";

/** The steps of a run that change something, by resource type. */
interface Step {
    readonly op: OpType;
    readonly keys?: string[];
    readonly detailedDiff?: Record<string, PropertyDiff>;
}

function recordSteps(): { onEvent: (event: EngineEvent) => void; steps: Map<string, Step[]> } {
    const steps = new Map<string, Step[]>();
    return {
        steps,
        onEvent: (event) => {
            const metadata = event.resourcePreEvent?.metadata;
            if (metadata === undefined || metadata.op === "same") {
                return;
            }
            const step: Step = {
                op: metadata.op,
                ...(metadata.keys !== undefined ? { keys: metadata.keys } : {}),
                ...(metadata.detailedDiff !== undefined ? { detailedDiff: metadata.detailedDiff } : {}),
            };
            steps.set(metadata.type, [...(steps.get(metadata.type) ?? []), step]);
        },
    };
}

/** Whether an IPv4 address is in 10.96.0.0/12, the default Service range. */
function inServiceRange(ip: unknown): boolean {
    const octets = String(ip).split(".").map(Number);
    return (
        octets.length === 4 &&
        octets[0] === 10 &&
        (octets[1] ?? 0) >= 96 &&
        (octets[1] ?? 0) <= 111 &&
        octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255)
    );
}

describe("real engine: the simulated kubernetes provider", function () {
    this.timeout(600_000);
    const { stage } = useSimulatedEngine();

    async function outputs(stack: Stack): Promise<Record<string, unknown>> {
        return Object.fromEntries(Object.entries(await stack.outputs()).map(([key, output]) => [key, output.value]));
    }

    it("Automation API: up (autonames, ids, ready replicas, cluster IP), replicas update in place, a selector change replaces, destroy", async () => {
        const { stack } = await stage(readProject(path.join(FIXTURES, "k8s-app"), true), "dev");

        // up: stack, provider, Namespace, Deployment, Service, ConfigGroup and its ConfigMap.
        const up = await stack.up({ color: "never" });
        assert.equal(up.summary.result, "succeeded");
        assert.deepEqual(up.summary.resourceChanges, { create: 7 });
        const first = await outputs(stack);
        const namespace = String(first["namespace"]);
        const name = String(first["deploymentName"]);
        assert.match(namespace, /^apps-[0-9a-f]{8}$/);
        assert.match(name, /^hello-[0-9a-f]{8}$/);
        assert.equal(first["deploymentId"], `${namespace}/${name}`);
        assert.match(String(first["serviceId"]), new RegExp(`^${namespace}/hello-[0-9a-f]{8}$`));
        assert.equal(first["readyReplicas"], 2);
        assert.ok(inServiceRange(first["clusterIP"]), String(first["clusterIP"]));
        // The ConfigMap came from YAML decoded by the plugin, in the default namespace (none is configured).
        assert.equal(first["settingsId"], "default/hello-settings");

        // No change: a preview of the same program shows nothing to do.
        const unchanged = await stack.preview({ color: "never" });
        assert.deepEqual(unchanged.changeSummary, { same: 7 });

        // More replicas: exactly one in-place update, of the Deployment's spec.replicas.
        await stack.setConfig("k8s-app:replicas", { value: "3" });
        const scale = recordSteps();
        const scaled = await stack.up({ color: "never", onEvent: scale.onEvent });
        assert.equal(scaled.summary.result, "succeeded");
        assert.deepEqual(scaled.summary.resourceChanges, { same: 6, update: 1 });
        assert.deepEqual([...scale.steps.keys()], [DEPLOYMENT]);
        assert.deepEqual(scale.steps.get(DEPLOYMENT), [
            { op: "update", detailedDiff: { "spec.replicas": { diffKind: "update", inputDiff: true } } },
        ]);
        const second = await outputs(stack);
        assert.equal(second["readyReplicas"], 3);
        assert.equal(second["deploymentId"], first["deploymentId"]);
        assert.equal(second["deploymentUid"], first["deploymentUid"]);
        assert.equal(second["clusterIP"], first["clusterIP"]);

        // Another tier: the Deployment's selector is immutable, so it is replaced (the autonamed
        // replacement created first); the Service's selector changes in place.
        await stack.setConfig("k8s-app:tier", { value: "api" });
        const reselect = recordSteps();
        const reselected = await stack.up({ color: "never", onEvent: reselect.onEvent });
        assert.equal(reselected.summary.result, "succeeded");
        assert.deepEqual(reselected.summary.resourceChanges, { same: 5, update: 1, replace: 1 });
        assert.deepEqual(
            reselect.steps.get(DEPLOYMENT)?.map((step) => step.op),
            ["create-replacement", "replace", "delete-replaced"],
        );
        assert.deepEqual(reselect.steps.get(DEPLOYMENT)?.[0]?.keys, ["spec.selector.matchLabels.tier"]);
        assert.deepEqual(
            reselect.steps.get(SERVICE)?.map((step) => [step.op, step.detailedDiff]),
            [["update", { "spec.selector.tier": { diffKind: "update", inputDiff: true } }]],
        );
        const third = await outputs(stack);
        assert.notEqual(third["deploymentUid"], first["deploymentUid"]);
        assert.equal(third["readyReplicas"], 3);
        // The simulation's autoname is stable per URN, so the replacement keeps it (the real
        // provider draws a new random suffix).
        assert.equal(third["deploymentId"], first["deploymentId"]);

        const destroyed = await stack.destroy({ color: "never" });
        assert.equal(destroyed.summary.result, "succeeded");
        assert.equal(destroyed.summary.resourceChanges?.["delete"], 7);
    });
});
