import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { pubsubCmek } from "../../src/policies/pubsub-cmek.js";

describe("gcp-pubsub-cmek", () => {
    it("passes a topic with a KMS key; flags one without (unset)", async () => {
        const s = new StackFixture();
        s.custom("gcp:pubsub/topic:Topic", "cmek", { kmsKeyName: "projects/p/locations/us-west1/keyRings/r/cryptoKeys/data" });
        const unset = s.custom("gcp:pubsub/topic:Topic", "unset", {});
        assert.deepEqual(await evaluatePack({ name: packName, policies: [pubsubCmek] }, s.build()), [
            expectedViolation(
                packName,
                pubsubCmek,
                unset.urn,
                "Pub/Sub topic unset does not set kmsKeyName, so Google manages its key; set the data key.",
            ),
        ]);
    });
});
