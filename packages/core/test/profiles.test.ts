import * as assert from "node:assert/strict";
import { checkNodeShape, isProductionEnvironment, KUBERNETES_VERSIONS, nodeMachineType, PROFILES } from "../src/index.js";

describe("environment profiles (seed numbers)", () => {
    it("prod: 3 nodes x 8 vCPU / 32 GB, 500 GB, 3 AZs, NAT per AZ, Multi-AZ, 30-day backups, min 2 replicas", () => {
        const p = PROFILES.prod;
        assert.deepEqual(p.cluster, {
            kubernetesVersion: "1.35",
            nodeCount: 3,
            minNodes: 3,
            maxNodes: 9,
            nodeVcpu: 8,
            nodeMemoryGiB: 32,
            nodeZones: 3,
            systemNodes: 3,
            spotCapacity: false,
            releaseChannel: "STABLE",
        });
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
        assert.deepEqual(p.cluster, {
            kubernetesVersion: "1.35",
            nodeCount: 2,
            minNodes: 2,
            maxNodes: 6,
            nodeVcpu: 4,
            nodeMemoryGiB: 16,
            nodeZones: 2,
            systemNodes: 2,
            spotCapacity: true,
            releaseChannel: "REGULAR",
        });
        assert.equal(p.data.storageGb, 200);
        assert.equal(p.network.availabilityZones, 2);
    });

    it("dev: single-zone workloads, single NAT, small", () => {
        const p = PROFILES.dev;
        assert.equal(p.cluster.nodeZones, 1);
        assert.equal(p.network.natGateways, "single");
        assert.equal(p.cluster.nodeCount, 1);
        assert.deepEqual([p.cluster.minNodes, p.cluster.maxNodes, p.cluster.systemNodes, p.cluster.spotCapacity], [1, 3, 0, true]);
        assert.equal(p.cluster.releaseChannel, "REGULAR");
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

    it("every environment pins a supported Kubernetes version; each node shape has an instance type on its cloud", () => {
        for (const p of Object.values(PROFILES)) {
            assert.ok((KUBERNETES_VERSIONS as readonly string[]).includes(p.cluster.kubernetesVersion), p.environment);
        }
        assert.deepEqual(
            Object.values(PROFILES).map((p) => nodeMachineType(p.cloud, p.cluster.nodeVcpu, p.cluster.nodeMemoryGiB)),
            ["m7i.large", "m7i.xlarge", "m7i.2xlarge", "n2-standard-8"],
        );
    });

    it("node shapes: the memory ratio picks the family, the vCPUs the size; other shapes have none", () => {
        assert.deepEqual(
            [
                nodeMachineType("aws", 2, 4),
                nodeMachineType("aws", 16, 128),
                nodeMachineType("gcp", 4, 8),
                nodeMachineType("gcp", 64, 512),
                nodeMachineType("aws", 8, 48),
                nodeMachineType("gcp", 6, 24),
                nodeMachineType("aws", 8, 30),
            ],
            ["c7i.large", "r7i.4xlarge", "n2-highcpu-4", "n2-highmem-64", undefined, undefined, undefined],
        );
        assert.deepEqual(checkNodeShape("f", "aws", 8, 32), []);
        assert.deepEqual(checkNodeShape("f", "aws", 3, 12), [
            {
                field: "f",
                value: { nodeVcpu: 3, nodeMemoryGiB: 12 },
                problem: "no instance family has this shape",
                fix: "use 2, 4, 8, 16, 32, 48, 64 vCPUs with 2, 4 or 8 GiB per vCPU (compute, general, memory), e.g. 8 vCPUs / 32 GiB",
            },
        ]);
    });

    it("prod and dr count as production; dev and staging do not", () => {
        assert.deepEqual((["dev", "staging", "prod", "dr"] as const).map(isProductionEnvironment), [false, false, true, true]);
    });
});
