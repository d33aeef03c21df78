import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { memorystoreTls } from "../../src/policies/memorystore-tls.js";
import { runPolicy, violation } from "./data-fixtures.js";

const REDIS = "gcp:redis/instance:Instance";

describe("gcp-memorystore-tls", () => {
    it("passes server authentication; flags DISABLED and unset", async () => {
        const s = new StackFixture();
        s.custom(REDIS, "ok", { transitEncryptionMode: "SERVER_AUTHENTICATION" });
        const off = s.custom(REDIS, "off", { transitEncryptionMode: "DISABLED" });
        const unset = s.custom(REDIS, "unset", {});
        assert.deepEqual(await runPolicy(memorystoreTls, s), [
            violation(
                memorystoreTls,
                off.urn,
                'Memorystore instance off sets transitEncryptionMode: DISABLED; set it to "SERVER_AUTHENTICATION".',
            ),
            violation(
                memorystoreTls,
                unset.urn,
                'Memorystore instance unset does not set transitEncryptionMode; set it to "SERVER_AUTHENTICATION".',
            ),
        ]);
    });
});
