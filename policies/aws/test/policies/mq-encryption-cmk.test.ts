import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { mqEncryptionCmk } from "../../src/policies/mq-encryption-cmk.js";

const BROKER = "aws:mq/broker:Broker";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/data";

describe("aws-mq-encryption-cmk", () => {
    it("passes an ActiveMQ broker with a customer key; RabbitMQ is not applicable", async () => {
        const s = new StackFixture();
        s.custom(BROKER, "active", { engineType: "ActiveMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: KEY } });
        s.custom(BROKER, "rabbit", { engineType: "RabbitMQ" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [mqEncryptionCmk] }, s.build()), []);
    });

    it("flags an ActiveMQ broker on the AWS-owned key, explicitly or with encryptionOptions unset", async () => {
        const s = new StackFixture();
        const owned = s.custom(BROKER, "owned", { engineType: "ActiveMQ", encryptionOptions: { useAwsOwnedKey: true, kmsKeyId: KEY } });
        const unset = s.custom(BROKER, "unset", { engineType: "ActiveMQ" });
        const v = (urn: string, name: string) =>
            expectedViolation(
                packName,
                mqEncryptionCmk,
                urn,
                `MQ broker ${name} encrypts with an AWS-owned key; set encryptionOptions.kmsKeyId to a customer-managed key and useAwsOwnedKey: false.`,
            );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [mqEncryptionCmk] }, s.build()), [
            v(owned.urn, "owned"),
            v(unset.urn, "unset"),
        ]);
    });
});
