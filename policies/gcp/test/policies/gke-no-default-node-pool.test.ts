import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNoDefaultNodePool } from "../../src/policies/gke-no-default-node-pool.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNoDefaultNodePool] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeNoDefaultNodePool, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const KEEPS = (name: string) =>
    `GKE cluster ${name} keeps its default node pool (removeDefaultNodePool is not true); set removeDefaultNodePool: true and define node pools as gcp.container.NodePool resources.`;

describe("gcp-gke-no-default-node-pool", () => {
    it("passes a cluster that removes its default pool and defines none inline", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "clean", { removeDefaultNodePool: true, initialNodeCount: 1 });
        s.custom(CLUSTER, "empty-list", { removeDefaultNodePool: true, nodePools: [] });
        assert.deepEqual(await run(s), []);
    });

    it("flags keeping the default pool, and inline node pools", async () => {
        const s = new StackFixture();
        const kept = s.custom(CLUSTER, "kept", { removeDefaultNodePool: false });
        const inline = s.custom(CLUSTER, "inline", { removeDefaultNodePool: true, nodePools: [{ name: "p", nodeCount: 1 }] });
        assert.deepEqual(await run(s), [
            v(kept.urn, KEEPS("kept")),
            v(
                inline.urn,
                "GKE cluster inline defines node pools inline (nodePools), which can only change by recreating the cluster; move them to gcp.container.NodePool resources.",
            ),
        ]);
    });

    it("flags removeDefaultNodePool left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [v(unset.urn, KEEPS("unset"))]);
    });
});
