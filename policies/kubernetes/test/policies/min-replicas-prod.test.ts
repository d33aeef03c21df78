import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { minReplicasProd } from "../../src/policies/min-replicas-prod.js";
import { addWorkload, LABELS, podSpec, run, violation } from "../fixtures.js";

const hpa = (s: StackFixture, target: string, minReplicas?: number) =>
    s.custom("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", `${target}-hpa`, {
        metadata: { name: target, namespace: "apps" },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: target },
            ...(minReplicas !== undefined ? { minReplicas } : {}),
            maxReplicas: 10,
        },
    });
const scaledObject = (s: StackFixture, target: string, minReplicaCount?: number) =>
    s.custom("kubernetes:keda.sh/v1alpha1:ScaledObject", `${target}-so`, {
        metadata: { name: target, namespace: "apps" },
        spec: { scaleTargetRef: { name: target }, ...(minReplicaCount !== undefined ? { minReplicaCount } : {}), triggers: [] },
    });

describe("kubernetes-min-replicas-prod", () => {
    it("the environment comes from the workload's environment label: replicas 2 pass in prod, 1 is flagged; dev is not held to it", async () => {
        const ok = new StackFixture({ stack: "prod" });
        addWorkload(ok, "Deployment", podSpec(), LABELS, { replicas: 2 });
        addWorkload(ok, "StatefulSet", podSpec(), { ...LABELS, environment: "dr" }, { replicas: 3 });
        assert.deepEqual(await run(minReplicasProd, ok), []);
        const bad = new StackFixture({ stack: "prod" });
        const one = addWorkload(bad, "Deployment", podSpec(), LABELS, { replicas: 1 });
        assert.deepEqual(await run(minReplicasProd, bad), [
            violation(minReplicasProd, one, "Deployment apps/api sets replicas: 1 in prod; run at least 2 replicas."),
        ]);
        const dev = new StackFixture({ stack: "dev" });
        addWorkload(dev, "Deployment", podSpec(), { ...LABELS, environment: "dev" }, { replicas: 1 });
        assert.deepEqual(await run(minReplicasProd, dev), []);
    });

    it("or from the stack's cloud providers: a workload labelled dev (or not labelled) in a prod stack is held to prod", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.awsProvider("aws", ownershipTags("prod"));
        const mislabelled = addWorkload(s, "Deployment", podSpec(), { ...LABELS, environment: "dev" }, { replicas: 1 });
        assert.deepEqual(await run(minReplicasProd, s), [
            violation(minReplicasProd, mislabelled, "Deployment apps/api sets replicas: 1 in prod; run at least 2 replicas."),
        ]);
        const neither = new StackFixture({ stack: "prod" });
        addWorkload(neither, "Deployment", podSpec(), { app: "api" }, { replicas: 1 });
        assert.deepEqual(await run(minReplicasProd, neither), [], "no environment from the label nor the stack: not production");
    });

    it("unset replicas count as the autoscaler's minimum: HPA 2 and ScaledObject 2 pass; HPA 1, ScaledObject 0 or none are flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        const names = ["hpa-two", "so-two", "hpa-one", "so-zero", "alone", "hpa-default"];
        const w = Object.fromEntries(
            names.map((name) => [
                name,
                s.custom("kubernetes:apps/v1:Deployment", name, {
                    metadata: { name, namespace: "apps", labels: LABELS },
                    spec: { template: { spec: podSpec() } },
                }),
            ]),
        );
        hpa(s, "hpa-two", 2);
        scaledObject(s, "so-two", 2);
        hpa(s, "hpa-one", 1);
        scaledObject(s, "so-zero");
        hpa(s, "hpa-default");
        const at = (name: string, text: string) =>
            violation(minReplicasProd, w[name] ?? null, `Deployment apps/${name} ${text} in prod; run at least 2 replicas.`);
        assert.deepEqual(await run(minReplicasProd, s), [
            at("hpa-one", "is autoscaled down to 1"),
            at("so-zero", "is autoscaled down to 0"),
            at("alone", "leaves replicas unset (1) with no autoscaler"),
            at("hpa-default", "is autoscaled down to 1"),
        ]);
    });

    it("does not apply to DaemonSets, Jobs, CronJobs or Pods", async () => {
        const s = new StackFixture({ stack: "prod" });
        for (const kind of ["DaemonSet", "Job", "CronJob", "Pod"] as const) addWorkload(s, kind);
        assert.deepEqual(await run(minReplicasProd, s), []);
    });

    it("a workload or autoscaler unknown in a preview is not judged", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.awsProvider("aws", ownershipTags("prod"));
        s.custom("kubernetes:apps/v1:Deployment", "later", {}, { exactOutputs: { metadata: pulumi.unknown, spec: pulumi.unknown } });
        assert.deepEqual(await run(minReplicasProd, s), []);
    });

    it("a workload of a provider not configured yet (a preview passes it with no properties) is not judged", async () => {
        const s = new StackFixture({ stack: "prod" });
        s.awsProvider("aws", ownershipTags("prod"));
        s.custom("kubernetes:apps/v1:Deployment", "pending", {}, { exactOutputs: {} });
        assert.deepEqual(await run(minReplicasProd, s), []);
    });
});
