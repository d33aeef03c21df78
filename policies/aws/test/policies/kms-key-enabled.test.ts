import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { kmsKeyEnabled } from "../../src/policies/kms-key-enabled.js";

describe("aws-kms-key-enabled", () => {
    it("passes enabled and unset (enabled); flags isEnabled: false", async () => {
        const s = new StackFixture();
        s.custom("aws:kms/key:Key", "on", { isEnabled: true });
        s.custom("aws:kms/key:Key", "unset", {});
        const off = s.custom("aws:kms/key:Key", "off", { isEnabled: false });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [kmsKeyEnabled] }, s.build()), [
            expectedViolation(
                packName,
                kmsKeyEnabled,
                off.urn,
                "KMS key off is disabled (isEnabled: false), so nothing encrypted with it can be read; enable it.",
            ),
        ]);
    });
});
