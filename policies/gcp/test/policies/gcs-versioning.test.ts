import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { gcsVersioning } from "../../src/policies/gcs-versioning.js";
import { runPolicy, violation } from "./data-fixtures.js";

const BUCKET = "gcp:storage/bucket:Bucket";

describe("gcp-gcs-versioning", () => {
    it("passes versioning on; flags off and unset", async () => {
        const s = new StackFixture();
        s.custom(BUCKET, "ok", { versioning: { enabled: true } });
        const off = s.custom(BUCKET, "off", { versioning: { enabled: false } });
        const unset = s.custom(BUCKET, "unset", {});
        const fix = "does not keep object versions; set versioning: { enabled: true }.";
        assert.deepEqual(await runPolicy(gcsVersioning, s), [
            violation(gcsVersioning, off.urn, `bucket off ${fix}`),
            violation(gcsVersioning, unset.urn, `bucket unset ${fix}`),
        ]);
    });
});
