import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeVpcNative } from "../../src/policies/gke-vpc-native.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeVpcNative] }, s.build());
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-vpc-native", () => {
    it("passes a cluster with alias IP ranges; flags one without (unset)", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "native", { ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" } });
        const routes = s.custom(CLUSTER, "routes", {});
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                gkeVpcNative,
                routes.urn,
                "GKE cluster routes has no ipAllocationPolicy, so it is routes-based; set it to the subnetwork's pods and services ranges.",
            ),
        ]);
    });
});
