import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { kmsKeyPolicyDefined } from "../../src/policies/kms-key-policy-defined.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [kmsKeyPolicyDefined] }, s.build());
const KEY = "aws:kms/key:Key";

describe("aws-kms-key-policy-defined", () => {
    it("passes a key with its own policy and one with an aws.kms.KeyPolicy; flags a key with neither (unset, or empty)", async () => {
        const s = new StackFixture();
        s.custom(KEY, "inline", { policy: JSON.stringify({ Statement: [] }) });
        const separate = s.custom(KEY, "separate", {}, { id: "key-separate" });
        s.custom(
            "aws:kms/keyPolicy:KeyPolicy",
            "separate-policy",
            { keyId: "key-separate", policy: "{}" },
            { propertyDependencies: { keyId: [separate] } },
        );
        const unset = s.custom(KEY, "unset", {}, { id: "key-unset" });
        const empty = s.custom(KEY, "empty", { policy: "" }, { id: "key-empty" });
        const v = (r: { urn: string }, id: string) =>
            expectedViolation(
                packName,
                kmsKeyPolicyDefined,
                r.urn,
                `KMS key ${id} (${r.urn}) has no key policy, so AWS's default gives the whole account its use; set policy on the key or add an aws.kms.KeyPolicy.`,
            );
        assert.deepEqual(await run(s), [v(unset, "key-unset"), v(empty, "key-empty")]);
    });
});
