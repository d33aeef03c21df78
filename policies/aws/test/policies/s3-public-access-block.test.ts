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

    it("flags a bucket without a block (on the bucket), and a block that leaves flags off or unset (on the block)", async () => {
        const s = new StackFixture();
        const none = bucket(s, "none", {});
        const partial = bucket(s, "partial", {});
        const block = s.custom(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "partial-block",
            { bucket: "partial", blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true },
            { propertyDependencies: { bucket: [partial] } },
        );
        const v = (urn: string, detail: string) => expectedViolation(packName, s3PublicAccessBlock, urn, detail);
        assert.deepEqual(await run(s), [
            v(
                none.urn,
                `S3 bucket none (${none.urn}) has no public access block; add an aws.s3.BucketPublicAccessBlock with all four flags true.`,
            ),
            v(
                block.urn,
                `S3 bucket partial (${partial.urn})'s public access block partial-block leaves blockPublicPolicy, restrictPublicBuckets off; set them to true.`,
            ),
        ]);
    });
});
