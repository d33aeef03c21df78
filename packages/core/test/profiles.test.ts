import * as assert from "node:assert/strict";
import { isProductionEnvironment, PROFILES } from "../src/index.js";

describe("environment profiles (seed numbers)", () => {
    it("prod: 3 nodes x 8 vCPU / 32 GB, 500 GB, 3 AZs, NAT per AZ, Multi-AZ, 30-day backups, min 2 replicas", () => {
        const p = PROFILES.prod;
        assert.deepEqual(p.cluster, { nodeCount: 3, nodeVcpu: 8, nodeMemoryGiB: 32, nodeZones: 3 });
        assert.equal(p.data.storageGb, 500);
        assert.equal(p.network.availabilityZones, 3);
        assert.equal(p.network.natGateways, "perAz");
        assert.equal(p.data.highAvailability, true);
        assert.equal(p.data.backupRetentionDays, 30);
        assert.equal(p.data.pointInTimeRecovery, true);
        assert.equal(p.minReplicas, 2);
        assert.equal(p.protectStatefulResources, true);
        assert.equal(p.region, "us-east-1");
        assert.equal(p.cloud, "aws");
    });

    it("staging: 2 x 4 vCPU / 16 GB, 200 GB, multi-zone", () => {
        const p = PROFILES.staging;
        assert.deepEqual(p.cluster, { nodeCount: 2, nodeVcpu: 4, nodeMemoryGiB: 16, nodeZones: 2 });
        assert.equal(p.data.storageGb, 200);
        assert.equal(p.network.availabilityZones, 2);
    });

    it("dev: single-zone workloads, single NAT, small", () => {
        const p = PROFILES.dev;
        assert.equal(p.cluster.nodeZones, 1);
        assert.equal(p.network.natGateways, "single");
        assert.equal(p.cluster.nodeCount, 1);
        assert.equal(p.data.highAvailability, false);
        assert.equal(p.protectStatefulResources, false);
    });

    it("dr: GCP in us-west1 (Oregon), sized like prod", () => {
        const p = PROFILES.dr;
        assert.equal(p.cloud, "gcp");
        assert.equal(p.region, "us-west1");
        assert.deepEqual(p.cluster, PROFILES.prod.cluster);
        assert.equal(p.data.backupRetentionDays, 30);
    });

    it("prod and dr count as production; dev and staging do not", () => {
        assert.deepEqual((["dev", "staging", "prod", "dr"] as const).map(isProductionEnvironment), [false, false, true, true]);
    });
});
