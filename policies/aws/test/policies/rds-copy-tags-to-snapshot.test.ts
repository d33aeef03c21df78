import * as assert from "node:assert/strict";
import { rdsCopyTagsToSnapshot } from "../../src/policies/rds-copy-tags-to-snapshot.js";
import { check } from "./rds-fixtures.js";

describe("aws-rds-copy-tags-to-snapshot", () => {
    it("passes copyTagsToSnapshot and cluster engines; flags off and unset", async () => {
        const { run, v } = check(rdsCopyTagsToSnapshot, {
            ok: { engine: "postgres", copyTagsToSnapshot: true },
            aurora: { engine: "aurora", copyTagsToSnapshot: false },
            off: { engine: "postgres", copyTagsToSnapshot: false },
            unset: {},
        });
        const fix = "does not copy its tags to snapshots; set copyTagsToSnapshot: true.";
        assert.deepEqual(await run, [v("off", `RDS off ${fix}`), v("unset", `RDS unset ${fix}`)]);
    });
});
