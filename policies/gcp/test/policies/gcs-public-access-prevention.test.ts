import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { gcsPublicAccessPrevention } from "../../src/policies/gcs-public-access-prevention.js";
import { runPolicy, violation } from "./data-fixtures.js";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("gcp-gcs-public-access-prevention", () => {
    it("passes enforced; flags inherited and unset", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "ok", { publicAccessPrevention: "enforced" });
        const inherited = s.custom(BUCKET, "inherited", { publicAccessPrevention: "inherited" });
        const unset = s.custom(BUCKET, "unset", {});
        assert.deepEqual(await runPolicy(gcsPublicAccessPrevention, s), [
            violation(
                gcsPublicAccessPrevention,
                inherited.urn,
                'bucket inherited sets publicAccessPrevention: inherited; set it to "enforced".',
            ),
            violation(gcsPublicAccessPrevention, unset.urn, 'bucket unset does not set publicAccessPrevention; set it to "enforced".'),
        ]);
    });
});
