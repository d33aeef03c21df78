import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { secretsEncryptedCmk } from "../../src/policies/secrets-encrypted-cmk.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [secretsEncryptedCmk] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, secretsEncryptedCmk, urn, detail);
const SECRET = "aws:secretsmanager/secret:Secret";

describe("aws-secrets-encrypted-cmk", () => {
    it("passes a secret encrypted with a customer key (ARN or alias)", async () => {
        const s = new StackFixture();
        s.custom(SECRET, "arn", { kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/secrets" });
        s.custom(SECRET, "alias", { kmsKeyId: "alias/acme-prod-kms-secrets" });
        assert.deepEqual(await run(s), []);
    });

    it("flags the AWS managed key (alias or alias ARN) and an unset key", async () => {
        const s = new StackFixture();
        const managed = s.custom(SECRET, "managed", { kmsKeyId: "alias/aws/secretsmanager" });
        const managedArn = s.custom(SECRET, "managed-arn", { kmsKeyId: "arn:aws:kms:us-east-1:111111111111:alias/aws/secretsmanager" });
        const unset = s.custom(SECRET, "unset", {});
        assert.deepEqual(await run(s), [
            v(
                managed.urn,
                "Secrets Manager secret managed uses the AWS managed key alias/aws/secretsmanager; set kmsKeyId to the secrets key.",
            ),
            v(
                managedArn.urn,
                "Secrets Manager secret managed-arn uses the AWS managed key arn:aws:kms:us-east-1:111111111111:alias/aws/secretsmanager; set kmsKeyId to the secrets key.",
            ),
            v(unset.urn, "Secrets Manager secret unset sets no kmsKeyId (the AWS managed key); set kmsKeyId to the secrets key."),
        ]);
    });
});
