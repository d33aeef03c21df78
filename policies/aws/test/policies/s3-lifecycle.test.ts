import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3Lifecycle } from "../../src/policies/s3-lifecycle.js";
import { bucket, COMPLETE } from "./s3-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3Lifecycle] }, s.build());

describe("aws-s3-lifecycle", () => {
    it("passes an enabled rule (separate resource or legacy inline)", async () => {
        const s = new StackFixture();
        bucket(s, "a", COMPLETE);
        bucket(s, "legacy", {}, { inline: { lifecycleRules: [{ enabled: true, expiration: { days: 30 } }] } });
        assert.deepEqual(await run(s), []);
    });

    it("flags no lifecycle and only disabled rules", async () => {
        const s = new StackFixture();
        const none = bucket(s, "none", {});
        const disabled = bucket(s, "disabled", { lifecycle: { rules: [{ id: "x", status: "Disabled" }] } });
        const v = (urn: string, name: string) =>
            expectedViolation(
                packName,
                s3Lifecycle,
                urn,
                `S3 bucket ${name} (${urn}) has no enabled lifecycle rule; add an aws.s3.BucketLifecycleConfiguration (e.g. expire noncurrent versions).`,
            );
        assert.deepEqual(await run(s), [v(none.urn, "none"), v(disabled.urn, "disabled")]);
    });
});
