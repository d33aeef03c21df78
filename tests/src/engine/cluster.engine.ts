/**
 * The cluster layer on the real engine: foundation then cluster `up` on the simulated cloud in one
 * run, the cluster reading the foundation through a stack reference resolved by the file backend,
 * a no-change preview, then destroy in reverse order.
 */
import * as assert from "node:assert/strict";
import { discoverProjects } from "@platform/automation";
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

interface StateResource {
    readonly type: string;
    readonly urn: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

async function resources(stack: Stack): Promise<StateResource[]> {
    const state = (await stack.exportStack()) as { deployment: { resources?: StateResource[] } };
    return state.deployment.resources ?? [];
}

describe("the cluster layer on the real engine (simulated cloud)", function () {
    this.timeout(600_000);
    const { stage } = useSimulatedEngine();
    const project = (name: string) => discoverProjects(REPO_ROOT).find((p) => p.name === name)!;

    it("staging: foundation then cluster up, the stack reference resolved through the backend, a clean preview, destroy in reverse", async () => {
        const { stack: foundation } = await stage(project("foundation"), "staging");
        const { stack: cluster } = await stage(project("cluster"), "staging");

        const foundationUp = await foundation.up({ color: "never" });
        assert.equal(foundationUp.summary.result, "succeeded");
        const clusterUp = await cluster.up({ color: "never" });
        assert.equal(clusterUp.summary.result, "succeeded");
        const created = clusterUp.summary.resourceChanges?.["create"] ?? 0;

        // The contract: typed outputs, the kubeconfig a secret with no credentials inside.
        const outputs = await cluster.outputs();
        assert.equal(outputs["clusterName"]?.value, "acme-staging-eks");
        assert.equal(outputs["kubernetesVersion"]?.value, "1.35");
        assert.match(String(outputs["endpoint"]?.value), /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        assert.match(String(outputs["oidcIssuerUrl"]?.value), /^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        assert.equal(outputs["kubeconfig"]?.secret, true);
        const kubeconfig = JSON.parse(String(outputs["kubeconfig"]?.value)) as {
            users: Array<{ user: { exec: { command: string; args: string[] } } }>;
        };
        assert.deepEqual(kubeconfig.users[0]?.user.exec.command, "aws");
        assert.deepEqual(kubeconfig.users[0]?.user.exec.args, [
            "eks",
            "get-token",
            "--cluster-name",
            "acme-staging-eks",
            "--region",
            "us-east-1",
            "--output",
            "json",
        ]);

        // The reference really came through the backend: the control plane sits in the foundation's private subnets.
        const foundationOutputs = await foundation.outputs();
        const eks = (await resources(cluster)).find((r) => r.type === "aws:eks/cluster:Cluster");
        assert.deepEqual((eks?.inputs?.["vpcConfig"] as { subnetIds: string[] }).subnetIds, foundationOutputs["privateSubnetIds"]?.value);
        const types = (await resources(cluster)).map((r) => r.type);
        assert.deepEqual(
            [
                "aws:eks/nodeGroup:NodeGroup",
                "aws:eks/addon:Addon",
                "kubernetes:helm.sh/v3:Release",
                "kubernetes:karpenter.sh/v1:NodePool",
            ].map((t) => types.filter((x) => x === t).length),
            [2, 5, 1, 1],
        );

        const preview = await cluster.preview({ color: "never" });
        assert.deepEqual(Object.keys(preview.changeSummary), ["same"]);

        const clusterDown = await cluster.destroy({ color: "never" });
        assert.equal(clusterDown.summary.result, "succeeded");
        assert.equal(clusterDown.summary.resourceChanges?.["delete"], created);
        const foundationDown = await foundation.destroy({ color: "never" });
        assert.equal(foundationDown.summary.result, "succeeded");
        assert.equal(foundationDown.summary.resourceChanges?.["delete"], foundationUp.summary.resourceChanges?.["create"]);
    });
});
