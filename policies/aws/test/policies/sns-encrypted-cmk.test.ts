import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { snsEncryptedCmk } from "../../src/policies/sns-encrypted-cmk.js";

const TOPIC = "aws:sns/topic:Topic";

describe("aws-sns-encrypted-cmk", () => {
    it("passes a customer key; flags the AWS managed key (alias or ARN), an empty key and no key", async () => {
        const s = new StackFixture();
        s.custom(TOPIC, "cmk", { kmsMasterKeyId: "arn:aws:kms:us-east-1:111111111111:key/logs" });
        const managed = s.custom(TOPIC, "managed", { kmsMasterKeyId: "alias/aws/sns" });
        const managedArn = s.custom(TOPIC, "managed-arn", { kmsMasterKeyId: "arn:aws:kms:us-east-1:111111111111:alias/aws/sns" });
        const empty = s.custom(TOPIC, "empty", { kmsMasterKeyId: "" });
        const unset = s.custom(TOPIC, "unset", { name: "t" });
        s.custom("aws:sqs/queue:Queue", "not-a-topic", {});
        const v = (urn: string, detail: string) => expectedViolation(packName, snsEncryptedCmk, urn, detail);
        const none = (name: string) => `SNS topic ${name} sets no kmsMasterKeyId (unencrypted); set it to a customer-managed key.`;
        assert.deepEqual(await evaluatePack({ name: packName, policies: [snsEncryptedCmk] }, s.build()), [
            v(managed.urn, "SNS topic managed uses the AWS managed key alias/aws/sns; set kmsMasterKeyId to a customer-managed key."),
            v(
                managedArn.urn,
                "SNS topic managed-arn uses the AWS managed key arn:aws:kms:us-east-1:111111111111:alias/aws/sns; set kmsMasterKeyId to a customer-managed key.",
            ),
            v(empty.urn, none("empty")),
            v(unset.urn, none("unset")),
        ]);
    });
});
