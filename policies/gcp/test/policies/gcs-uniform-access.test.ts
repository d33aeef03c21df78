import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { gcsUniformAccess } from "../../src/policies/gcs-uniform-access.js";
import { runPolicy, violation } from "./data-fixtures.js";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("gcp-gcs-uniform-access", () => {
    it("passes uniform access; flags off and unset", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "ok", { uniformBucketLevelAccess: true });
        const off = s.custom(BUCKET, "off", { uniformBucketLevelAccess: false });
        const unset = s.custom(BUCKET, "unset", {});
        assert.deepEqual(await runPolicy(gcsUniformAccess, s), [
            violation(
                gcsUniformAccess,
                off.urn,
                "bucket off sets uniformBucketLevelAccess: false, so object ACLs can grant access; set it to true.",
            ),
            violation(
                gcsUniformAccess,
                unset.urn,
                "bucket unset does not set uniformBucketLevelAccess, so object ACLs can grant access; set it to true.",
            ),
        ]);
    });
});
