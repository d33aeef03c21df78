import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { GkeNodePool, type GkeNodePoolArgs } from "../../src/index.js";

const DATA_KEY = "projects/acme-dr-prod/locations/us-west1/keyRings/acme-dr-kms-keyring/cryptoKeys/acme-dr-kms-data";
const base: GkeNodePoolArgs = {
    naming: { project: "acme", environment: "dr" },
    project: "acme-dr-prod",
    clusterId: "projects/acme-dr-prod/locations/us-west1/clusters/acme-dr-gke",
    location: "us-west1",
    zones: ["us-west1-a", "us-west1-b", "us-west1-c"],
    machineType: "n2-standard-8",
    size: { initial: 3, min: 3, max: 9 },
    serviceAccountEmail: "acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com",
    bootDiskKmsKeyId: DATA_KEY,
};

async function synth(args: GkeNodePoolArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GkeNodePool("nodes-general", args, opts) })).resources;
}

describe("GkeNodePool", () => {
    it("one node pool: autoscaled over all zones, shielded, GKE_METADATA, CMEK boot disks, the node account, auto-repair and upgrade", async () => {
        const resources = await synth({ ...base, labels: { "platform.io/node-pool": "general" } });
        assert.deepEqual(countByType(resources.filter((r) => r.custom)), [{ type: "gcp:container/nodePool:NodePool", count: 1 }]);
        const pool = findResource(resources, "gcp:container/nodePool:NodePool", "nodes-general-pool");
        assert.deepEqual(pool.inputs, {
            project: "acme-dr-prod",
            name: "acme-dr-nodes-general-pool",
            cluster: base.clusterId,
            location: "us-west1",
            nodeLocations: ["us-west1-a", "us-west1-b", "us-west1-c"],
            initialNodeCount: 1,
            autoscaling: { totalMinNodeCount: 3, totalMaxNodeCount: 9, locationPolicy: "BALANCED" },
            management: { autoRepair: true, autoUpgrade: true },
            upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
            nodeConfig: {
                machineType: "n2-standard-8",
                imageType: "COS_CONTAINERD",
                diskType: "pd-balanced",
                diskSizeGb: 100,
                bootDiskKmsKey: DATA_KEY,
                serviceAccount: "acme-dr-gke-nodes@acme-dr-prod.iam.gserviceaccount.com",
                oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
                shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
                workloadMetadataConfig: { mode: "GKE_METADATA" },
                metadata: { "disable-legacy-endpoints": "true" },
                labels: { "platform.io/node-pool": "general" },
                taints: [],
            },
        });
        assert.deepEqual(pool.ignoreChanges, ["initialNodeCount"]);
    });

    it("the initial size is spread over the zones (GKE counts it per zone), taints as given", async () => {
        const pool = findResource(
            await synth({
                ...base,
                size: { initial: 2, min: 2, max: 4 },
                taints: [{ key: "components.gke.io/gke-managed-components", value: "true", effect: "NO_SCHEDULE" }],
            }),
            "gcp:container/nodePool:NodePool",
            "nodes-general-pool",
        );
        assert.equal(pool.inputs["initialNodeCount"], 1);
        assert.deepEqual((pool.inputs["nodeConfig"] as Record<string, unknown>)["taints"], [
            { key: "components.gke.io/gke-managed-components", value: "true", effect: "NO_SCHEDULE" },
        ]);
    });

    it("protect reaches the pool (nothing retained)", async () => {
        const pool = (await synth(base, { protect: true })).filter((r) => r.custom);
        assert.deepEqual(
            pool.map((r) => [r.protect, r.retainOnDelete]),
            [[true, false]],
        );
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<GkeNodePoolArgs>, Array<[string, string]>]> = [
            ["a zone of another region", { zones: ["europe-west4-a"] }, [["zones", "europe-west4-a not in region us-west1"]]],
            ["a malformed machine type", { machineType: "big" }, [["machineType", "is not a machine type"]]],
            ["sizes out of order", { size: { initial: 10, min: 3, max: 9 } }, [["size", "initial must lie between min and max"]]],
            ["a tiny disk", { diskSizeGb: 10 }, [["diskSizeGb", "must be a whole number from 20 to 65536"]]],
            [
                "a taint effect GKE does not know",
                { taints: [{ key: "k", value: "v", effect: "NoSchedule" as never }] },
                [["taints[0].effect", "is not an allowed value"]],
            ],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
