import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3PublicAccessBlock } from "../../src/policies/s3-public-access-block.js";
import { bucket, COMPLETE } from "./s3-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3PublicAccessBlock] }, s.build());

describe("aws-s3-public-access-block", () => {
    it("passes a bucket whose block has all four flags, linked by dependency or by name", async () => {
        const s = new StackFixture();
        bucket(s, "a", COMPLETE);
        bucket(s, "b", COMPLETE, { byName: true });
        assert.deepEqual(await run(s), []);
    });

    it("flags a bucket without a block, and a block that leaves flags off or unset", async () => {
        const s = new StackFixture();
        const none = bucket(s, "none", {});
        const partial = bucket(s, "partial", {
            publicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true },
        });
        const v = (urn: string, detail: string) => expectedViolation(packName, s3PublicAccessBlock, urn, detail);
        assert.deepEqual(await run(s), [
            v(
                none.urn,
                `S3 bucket none (${none.urn}) has no public access block; add an aws.s3.BucketPublicAccessBlock with all four flags true.`,
            ),
            v(
                partial.urn,
                `S3 bucket partial (${partial.urn})'s public access block leaves blockPublicPolicy, restrictPublicBuckets off; set them to true.`,
            ),
        ]);
    });
});
