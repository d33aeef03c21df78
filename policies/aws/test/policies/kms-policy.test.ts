import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { kmsPolicy } from "../../src/policies/kms-policy.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [kmsPolicy] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, kmsPolicy, urn, detail);
const KEY = "aws:kms/key:Key";
const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const root = { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" };
const FIX =
    'allows Principal "*" without a Condition; name the principals, or add a Condition such as kms:CallerAccount or aws:PrincipalOrgID.';

describe("aws-kms-policy", () => {
    it("passes for named principals, a conditioned wildcard, a wildcard Deny, and an unset policy (AWS default)", async () => {
        const s = new StackFixture();
        s.custom(KEY, "named", { policy: doc(root) });
        s.custom(KEY, "conditioned", {
            policy: doc(root, {
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": "111111111111" } },
            }),
        });
        s.custom(KEY, "deny", { policy: doc(root, { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }) });
        s.custom(KEY, "unset", {});
        s.custom("aws:kms/keyPolicy:KeyPolicy", "standalone-ok", { keyId: "k", policy: doc(root) });
        assert.deepEqual(await run(s), []);
    });

    it("flags each open statement (string, AWS and AWS-list principals, empty Condition) by Sid or position, on keys and key policies", async () => {
        const s = new StackFixture();
        const key = s.custom(KEY, "open", {
            policy: doc(
                root,
                { Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" },
                { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:root", "*"] }, Action: "kms:*", Resource: "*", Condition: {} },
            ),
        });
        const single = s.custom("aws:kms/keyPolicy:KeyPolicy", "standalone", {
            keyId: "k",
            policy: JSON.stringify({ Statement: { Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*" } }),
        });
        assert.deepEqual(await run(s), [
            v(key.urn, `KMS key open policy statement "Everyone" ${FIX}`),
            v(key.urn, `KMS key open policy statement #3 ${FIX}`),
            v(single.urn, `KMS key policy standalone policy statement #1 ${FIX}`),
        ]);
    });

    it("flags a policy that is not valid JSON or has no Statement", async () => {
        const s = new StackFixture();
        const broken = s.custom(KEY, "broken", { policy: "{not json" });
        const empty = s.custom(KEY, "empty", { policy: "{}" });
        const [first, second] = await run(s);
        assert.equal(first?.urn, broken.urn);
        assert.match(
            first?.message ?? "",
            /^KMS key policies do not allow every principal without a condition\.\nKMS key broken has a policy that is not valid JSON \(.+\); fix the policy document\.$/,
        );
        assert.deepEqual(
            second,
            v(empty.urn, "KMS key empty has a policy that is not a policy document with a Statement; fix the policy document."),
        );
        assert.equal((await run(s)).length, 2);
    });
});
