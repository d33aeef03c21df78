import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { kmsRotation } from "../../src/policies/kms-rotation.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [kmsRotation] }, s.build());
const KEY = "aws:kms/key:Key";

describe("aws-kms-rotation", () => {
    it("passes for rotating symmetric keys and ignores asymmetric and HMAC keys", async () => {
        const s = new StackFixture();
        s.custom(KEY, "data", { enableKeyRotation: true });
        s.custom(KEY, "explicit-symmetric", { enableKeyRotation: true, keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" });
        s.custom(KEY, "signing", { keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" });
        s.custom(KEY, "hmac", { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" });
        assert.deepEqual(await run(s), []);
    });

    it("flags rotation turned off and rotation left unset", async () => {
        const s = new StackFixture();
        const off = s.custom(KEY, "off", { enableKeyRotation: false });
        const unset = s.custom(KEY, "unset", { description: "no rotation setting" });
        const v = (urn: string, detail: string) => expectedViolation(packName, kmsRotation, urn, detail);
        assert.deepEqual(await run(s), [
            v(off.urn, "KMS key off sets enableKeyRotation: false; set enableKeyRotation: true."),
            v(unset.urn, "KMS key unset does not set enableKeyRotation (AWS leaves rotation off); set enableKeyRotation: true."),
        ]);
    });
});
