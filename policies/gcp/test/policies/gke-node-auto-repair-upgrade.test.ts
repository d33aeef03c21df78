import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNodeAutoRepairUpgrade } from "../../src/policies/gke-node-auto-repair-upgrade.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNodeAutoRepairUpgrade] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeNodeAutoRepairUpgrade, urn, detail);
const POOL = "gcp:container/nodePool:NodePool";
const REPAIR = (name: string) => `node pool ${name} does not set management.autoRepair: true, so broken nodes stay broken; set it to true.`;
const UPGRADE = (name: string) =>
    `node pool ${name} does not set management.autoUpgrade: true, so nodes miss the control plane's security patches; set it to true.`;

describe("gcp-gke-node-auto-repair-upgrade", () => {
    it("passes a pool that repairs and upgrades itself", async () => {
        const s = new StackFixture();
        s.custom(POOL, "ok", { cluster: "c", management: { autoRepair: true, autoUpgrade: true } });
        assert.deepEqual(await run(s), []);
    });

    it("flags each turned off", async () => {
        const s = new StackFixture();
        const noRepair = s.custom(POOL, "no-repair", { cluster: "c", management: { autoRepair: false, autoUpgrade: true } });
        const noUpgrade = s.custom(POOL, "no-upgrade", { cluster: "c", management: { autoRepair: true, autoUpgrade: false } });
        assert.deepEqual(await run(s), [v(noRepair.urn, REPAIR("no-repair")), v(noUpgrade.urn, UPGRADE("no-upgrade"))]);
    });

    it("flags management left unset (Checkov wants both explicit)", async () => {
        const s = new StackFixture();
        const unset = s.custom(POOL, "unset", { cluster: "c" });
        assert.deepEqual(await run(s), [v(unset.urn, REPAIR("unset")), v(unset.urn, UPGRADE("unset"))]);
    });
});
