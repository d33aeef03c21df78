import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { backupVaultCmk } from "../../src/policies/backup-vault-cmk.js";

describe("aws-backup-vault-cmk", () => {
    it("passes a vault with a customer-managed key; flags one without (unset)", async () => {
        const s = new StackFixture();
        s.custom("aws:backup/vault:Vault", "cmk", { kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/backups" });
        const unset = s.custom("aws:backup/vault:Vault", "unset", {});
        assert.deepEqual(await evaluatePack({ name: packName, policies: [backupVaultCmk] }, s.build()), [
            expectedViolation(
                packName,
                backupVaultCmk,
                unset.urn,
                "backup vault unset does not set kmsKeyArn, so it uses the AWS-managed aws/backup key; set a customer-managed key.",
            ),
        ]);
    });
});
