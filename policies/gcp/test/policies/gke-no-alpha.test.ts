import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNoAlpha } from "../../src/policies/gke-no-alpha.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNoAlpha] }, s.build());
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-no-alpha", () => {
    it("passes alpha off and unset; flags alpha on", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "off", { enableKubernetesAlpha: false });
        s.custom(CLUSTER, "unset", {});
        const alpha = s.custom(CLUSTER, "alpha", { enableKubernetesAlpha: true });
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                gkeNoAlpha,
                alpha.urn,
                "GKE cluster alpha enables Kubernetes alpha features (no SLA, no upgrades, deleted after 30 days); remove enableKubernetesAlpha.",
            ),
        ]);
    });
});
