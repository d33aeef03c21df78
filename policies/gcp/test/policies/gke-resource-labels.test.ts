import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeResourceLabels } from "../../src/policies/gke-resource-labels.js";

const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-resource-labels", () => {
    it("passes a cluster with labels; flags none (empty, or unset)", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "labelled", { resourceLabels: { cluster: "acme-dr-gke" } });
        const empty = s.custom(CLUSTER, "empty", { resourceLabels: {} });
        const unset = s.custom(CLUSTER, "unset", {});
        const v = (urn: string, name: string) =>
            expectedViolation(
                packName,
                gkeResourceLabels,
                urn,
                `GKE cluster ${name} sets no resourceLabels, so its nodes and disks cannot be told apart in billing; set at least one.`,
            );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [gkeResourceLabels] }, s.build()), [
            v(empty.urn, "empty"),
            v(unset.urn, "unset"),
        ]);
    });
});
