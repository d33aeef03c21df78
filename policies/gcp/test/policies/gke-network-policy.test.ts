import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNetworkPolicy } from "../../src/policies/gke-network-policy.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNetworkPolicy] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeNetworkPolicy, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const DETAIL = (name: string) =>
    `GKE cluster ${name} enforces no NetworkPolicy (no Dataplane V2, no network policy add-on), so NetworkPolicy objects do nothing; set datapathProvider: "ADVANCED_DATAPATH".`;

describe("gcp-gke-network-policy", () => {
    it("passes Dataplane V2 and the legacy network policy add-on", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "dpv2", { datapathProvider: "ADVANCED_DATAPATH" });
        s.custom(CLUSTER, "calico", { datapathProvider: "LEGACY_DATAPATH", networkPolicy: { enabled: true, provider: "CALICO" } });
        assert.deepEqual(await run(s), []);
    });

    it("flags the legacy datapath with network policy off", async () => {
        const s = new StackFixture();
        const legacy = s.custom(CLUSTER, "legacy", { datapathProvider: "LEGACY_DATAPATH", networkPolicy: { enabled: false } });
        assert.deepEqual(await run(s), [v(legacy.urn, DETAIL("legacy"))]);
    });

    it("flags both left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [v(unset.urn, DETAIL("unset"))]);
    });
});
