import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeWorkloadIdentity } from "../../src/policies/gke-workload-identity.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeWorkloadIdentity] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeWorkloadIdentity, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const POOL = "gcp:container/nodePool:NodePool";
const GKE_METADATA = { workloadMetadataConfig: { mode: "GKE_METADATA" } };

describe("gcp-gke-workload-identity", () => {
    it("passes a cluster with a workload pool (default-pool settings GKE_METADATA or absent) and GKE_METADATA pools", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "with-defaults", { workloadIdentityConfig: { workloadPool: "p.svc.id.goog" }, nodeConfig: GKE_METADATA });
        s.custom(CLUSTER, "without-defaults", { workloadIdentityConfig: { workloadPool: "p.svc.id.goog" } });
        s.custom(POOL, "pool", { cluster: "c", nodeConfig: GKE_METADATA });
        assert.deepEqual(await run(s), []);
    });

    it("flags nodes exposing the node's metadata (GCE_METADATA), on a pool and in a cluster's default-pool settings", async () => {
        const s = new StackFixture();
        const pool = s.custom(POOL, "gce", { cluster: "c", nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } } });
        const cluster = s.custom(CLUSTER, "gce-defaults", {
            workloadIdentityConfig: { workloadPool: "p.svc.id.goog" },
            nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } },
        });
        const state =
            "sets nodeConfig.workloadMetadataConfig.mode: GCE_METADATA, so pods can read the node's metadata and credentials; set it to GKE_METADATA.";
        assert.deepEqual(await run(s), [v(pool.urn, `node pool gce ${state}`), v(cluster.urn, `GKE cluster gce-defaults ${state}`)]);
    });

    it("flags a cluster without a workload pool and a pool with the metadata mode unset", async () => {
        const s = new StackFixture();
        const cluster = s.custom(CLUSTER, "unset", {});
        const pool = s.custom(POOL, "unset-pool", { cluster: "c", nodeConfig: { machineType: "n2-standard-8" } });
        assert.deepEqual(await run(s), [
            v(
                cluster.urn,
                'GKE cluster unset does not set workloadIdentityConfig.workloadPool, so pods cannot use Workload Identity; set it to "<project>.svc.id.goog".',
            ),
            v(
                pool.urn,
                "node pool unset-pool does not set nodeConfig.workloadMetadataConfig.mode, so pods can read the node's metadata and credentials; set it to GKE_METADATA.",
            ),
        ]);
    });
});
