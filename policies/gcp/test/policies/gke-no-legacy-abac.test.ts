import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNoLegacyAbac } from "../../src/policies/gke-no-legacy-abac.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNoLegacyAbac] }, s.build());
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-no-legacy-abac", () => {
    it("passes ABAC off", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "off", { enableLegacyAbac: false });
        assert.deepEqual(await run(s), []);
    });

    it("flags ABAC on", async () => {
        const s = new StackFixture();
        const on = s.custom(CLUSTER, "on", { enableLegacyAbac: true });
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                gkeNoLegacyAbac,
                on.urn,
                "GKE cluster on enables legacy ABAC, which bypasses RBAC; set enableLegacyAbac: false.",
            ),
        ]);
    });

    it("passes ABAC left unset (GKE keeps it off)", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), []);
    });
});
