import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sqsEncrypted } from "../../src/policies/sqs-encrypted.js";

const QUEUE = "aws:sqs/queue:Queue";

describe("aws-sqs-encrypted", () => {
    it("passes a KMS key and SQS-managed SSE; flags SSE off without a key, nothing set, and the AWS-managed key", async () => {
        const s = new StackFixture();
        s.custom(QUEUE, "kms", { kmsMasterKeyId: "arn:aws:kms:us-east-1:111111111111:key/data", sqsManagedSseEnabled: false });
        s.custom(QUEUE, "managed", { sqsManagedSseEnabled: true });
        const off = s.custom(QUEUE, "off", { sqsManagedSseEnabled: false });
        const unset = s.custom(QUEUE, "unset", {});
        const awsKey = s.custom(QUEUE, "aws-key", { kmsMasterKeyId: "alias/aws/sqs" });
        const v = (urn: string, detail: string) => expectedViolation(packName, sqsEncrypted, urn, detail);
        assert.deepEqual(await evaluatePack({ name: packName, policies: [sqsEncrypted] }, s.build()), [
            v(off.urn, "SQS queue off turns SQS-managed encryption off without a KMS key; set kmsMasterKeyId to a customer-managed key."),
            v(
                unset.urn,
                "SQS queue unset sets neither kmsMasterKeyId nor sqsManagedSseEnabled; set kmsMasterKeyId to a customer-managed key.",
            ),
            v(
                awsKey.urn,
                "SQS queue aws-key encrypts with the AWS-managed key alias/aws/sqs; set kmsMasterKeyId to a customer-managed key.",
            ),
        ]);
    });
});
