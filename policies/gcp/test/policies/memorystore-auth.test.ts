import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { memorystoreAuth } from "../../src/policies/memorystore-auth.js";
import { runPolicy, violation } from "./data-fixtures.js";

const REDIS = "gcp:redis/instance:Instance";

describe("gcp-memorystore-auth", () => {
    it("passes AUTH on; flags off and unset", async () => {
        const s = new StackFixture();
        s.custom(REDIS, "ok", { authEnabled: true });
        const off = s.custom(REDIS, "off", { authEnabled: false });
        const unset = s.custom(REDIS, "unset", {});
        assert.deepEqual(await runPolicy(memorystoreAuth, s), [
            violation(memorystoreAuth, off.urn, "Memorystore instance off sets authEnabled: false; set it to true."),
            violation(memorystoreAuth, unset.urn, "Memorystore instance unset does not set authEnabled; set it to true."),
        ]);
    });
});
