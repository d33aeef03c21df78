import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3PolicyNoLockout } from "../../src/policies/s3-policy-no-lockout.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3PolicyNoLockout] }, s.build());
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

describe("aws-s3-policy-no-lockout", () => {
    it("passes conditional Deny statements and a Deny of object actions; flags an unconditional Deny of the policy actions to everyone", async () => {
        const s = new StackFixture();
        s.custom(BUCKET_POLICY, "tls", {
            bucket: "b",
            policy: JSON.stringify({
                Statement: [
                    { Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
                    { Effect: "Deny", Principal: "*", Action: "s3:DeleteObject" },
                ],
            }),
        });
        const locked = s.custom(BUCKET_POLICY, "locked", {
            bucket: "b",
            policy: JSON.stringify({
                Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: ["s3:GetObject", "s3:PutBucketPolicy"] }],
            }),
        });
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                s3PolicyNoLockout,
                locked.urn,
                "bucket policy of locked denies s3:PutBucketPolicy to everyone without a condition in statement #1, which locks all but the root user out of the policy; add a Condition.",
            ),
        ]);
    });

    it("is not applicable to a bucket without a policy of its own", async () => {
        const s = new StackFixture();
        s.custom("aws:s3/bucket:Bucket", "b", { bucket: "b" });
        assert.deepEqual(await run(s), []);
    });
});
