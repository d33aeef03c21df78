import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3AbortIncompleteUploads } from "../../src/policies/s3-abort-incomplete-uploads.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3AbortIncompleteUploads] }, s.build());
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const ABORT = { id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } };
const FIX =
    "has no enabled rule for the whole bucket that aborts incomplete multipart uploads; add one with abortIncompleteMultipartUpload: { daysAfterInitiation: 7 }.";

describe("aws-s3-abort-incomplete-uploads", () => {
    it("passes an enabled rule for the whole bucket (empty filter or none)", async () => {
        const s = new StackFixture();
        s.custom(LIFECYCLE, "a", { bucket: "a", rules: [ABORT] });
        s.custom(LIFECYCLE, "b", { bucket: "b", rules: [{ ...ABORT, filter: undefined }] });
        assert.deepEqual(await run(s), []);
    });

    it("flags no abort rule, a disabled one, one narrowed to a prefix, and rules left unset", async () => {
        const s = new StackFixture();
        const none = s.custom(
            LIFECYCLE,
            "none",
            { bucket: "n", rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 30 } }] },
            { id: "none" },
        );
        const disabled = s.custom(LIFECYCLE, "disabled", { bucket: "d", rules: [{ ...ABORT, status: "Disabled" }] }, { id: "disabled" });
        const prefix = s.custom(LIFECYCLE, "prefix", { bucket: "p", rules: [{ ...ABORT, filter: { prefix: "logs/" } }] }, { id: "prefix" });
        const unset = s.custom(LIFECYCLE, "unset", { bucket: "u" }, { id: "unset" });
        const v = (r: { urn: string }, id: string) =>
            expectedViolation(packName, s3AbortIncompleteUploads, r.urn, `S3 lifecycle configuration ${id} (${r.urn}) ${FIX}`);
        assert.deepEqual(await run(s), [v(none, "none"), v(disabled, "disabled"), v(prefix, "prefix"), v(unset, "unset")]);
    });
});
