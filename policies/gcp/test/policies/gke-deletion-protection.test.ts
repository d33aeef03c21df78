import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeDeletionProtection } from "../../src/policies/gke-deletion-protection.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeDeletionProtection] }, s.build());
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-deletion-protection", () => {
    it("passes deletion protection on in dr, and off outside production", async () => {
        const s = new StackFixture();
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        const dev = s.gcpProvider("dev", ownershipTags("dev"));
        s.custom(CLUSTER, "dr", { deletionProtection: true }, { provider: dr });
        s.custom(CLUSTER, "dev", { deletionProtection: false }, { provider: dev });
        assert.deepEqual(await run(s), []);
    });

    it("flags deletion protection off in dr and prod", async () => {
        const s = new StackFixture();
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        const off = s.custom(CLUSTER, "off", { deletionProtection: false }, { provider: dr });
        const prod = s.custom(CLUSTER, "prod-labelled", { deletionProtection: false, resourceLabels: { environment: "prod" } });
        const detail = (name: string, env: string) =>
            `GKE cluster ${name} is in ${env} with deletionProtection: false, so a destroy or replacement deletes every workload on it; remove the setting or set it to true.`;
        assert.deepEqual(await run(s), [
            expectedViolation(packName, gkeDeletionProtection, off.urn, detail("off", "dr")),
            expectedViolation(packName, gkeDeletionProtection, prod.urn, detail("prod-labelled", "prod")),
        ]);
    });

    it("passes deletion protection left unset in dr (the provider defaults it to true)", async () => {
        const s = new StackFixture();
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        s.custom(CLUSTER, "unset", {}, { provider: dr });
        assert.deepEqual(await run(s), []);
    });
});
