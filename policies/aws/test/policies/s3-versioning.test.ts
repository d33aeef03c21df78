import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3Versioning } from "../../src/policies/s3-versioning.js";
import { bucket, COMPLETE } from "./s3-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3Versioning] }, s.build());

describe("aws-s3-versioning", () => {
    it("passes BucketVersioning Enabled and the legacy inline versioning", async () => {
        const s = new StackFixture();
        bucket(s, "a", COMPLETE);
        bucket(s, "legacy", {}, { inline: { versioning: { enabled: true } } });
        assert.deepEqual(await run(s), []);
    });

    it("flags no versioning, Suspended, and inline versioning off", async () => {
        const s = new StackFixture();
        const none = bucket(s, "none", {});
        const suspended = bucket(s, "suspended", { versioning: { versioningConfiguration: { status: "Suspended" } } });
        const off = bucket(s, "off", {}, { inline: { versioning: { enabled: false } } });
        const v = (urn: string, detail: string) => expectedViolation(packName, s3Versioning, urn, detail);
        assert.deepEqual(await run(s), [
            v(
                none.urn,
                `S3 bucket none (${none.urn}) has no versioning configuration; add an aws.s3.BucketVersioning with status "Enabled".`,
            ),
            v(
                suspended.urn,
                `S3 bucket suspended (${suspended.urn}) has versioning Suspended; add an aws.s3.BucketVersioning with status "Enabled".`,
            ),
            v(off.urn, `S3 bucket off (${off.urn}) has no versioning configuration; add an aws.s3.BucketVersioning with status "Enabled".`),
        ]);
    });
});
