import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeShieldedNodes } from "../../src/policies/gke-shielded-nodes.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeShieldedNodes] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeShieldedNodes, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const POOL = "gcp:container/nodePool:NodePool";
const SECURE_BOOT = (name: string) =>
    `node pool ${name} does not set nodeConfig.shieldedInstanceConfig.enableSecureBoot: true, so its nodes boot unverified kernels; enable secure boot.`;

describe("gcp-gke-shielded-nodes", () => {
    it("passes shielded clusters (true, or unset: GKE's default) and pools with secure boot", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "explicit", { enableShieldedNodes: true });
        s.custom(CLUSTER, "default", {});
        s.custom(POOL, "pool", {
            cluster: "c",
            nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true } },
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags shielded nodes turned off, secure boot turned off, and integrity monitoring off or left out of a shielded config", async () => {
        const s = new StackFixture();
        const cluster = s.custom(CLUSTER, "unshielded", { enableShieldedNodes: false });
        const pool = s.custom(POOL, "insecure", {
            cluster: "c",
            nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: false, enableIntegrityMonitoring: true } },
        });
        const unmonitored = s.custom(POOL, "unmonitored", {
            cluster: "c",
            nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: false } },
        });
        const clusterDefaults = s.custom(CLUSTER, "defaults", { nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: true } } });
        const integrity = (what: string, name: string) =>
            `${what} ${name} sets nodeConfig.shieldedInstanceConfig without enableIntegrityMonitoring: true, so a tampered boot goes unreported; set it to true.`;
        assert.deepEqual(await run(s), [
            v(cluster.urn, "GKE cluster unshielded sets enableShieldedNodes: false; remove it or set it to true."),
            v(pool.urn, SECURE_BOOT("insecure")),
            v(unmonitored.urn, integrity("node pool", "unmonitored")),
            v(clusterDefaults.urn, integrity("GKE cluster", "defaults")),
        ]);
    });

    it("flags secure boot left unset on a pool (GKE's default is off)", async () => {
        const s = new StackFixture();
        const pool = s.custom(POOL, "unset", { cluster: "c" });
        assert.deepEqual(await run(s), [v(pool.urn, SECURE_BOOT("unset"))]);
    });
});
