import * as assert from "node:assert/strict";
import { findResource, type InventoryResource, ofType, synthesize } from "@platform/synth";
import { AwsKmsKeys, type AwsKmsKeysArgs, awsKeyPolicyDocument } from "../../src/index.js";

const base: AwsKmsKeysArgs = { naming: { project: "acme", environment: "prod" }, protect: true };
const KEY = "aws:kms/key:Key";

async function synth(args: AwsKmsKeysArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new AwsKmsKeys("kms", args) })).resources;
}

describe("AwsKmsKeys", () => {
    it("creates one rotating key and alias per purpose by default", async () => {
        const resources = await synth(base);
        assert.deepEqual(
            ofType(resources, KEY)
                .map((k) => k.name)
                .sort(),
            ["kms-backups", "kms-data", "kms-logs", "kms-secrets"],
        );
        assert.deepEqual(
            ofType(resources, "aws:kms/alias:Alias")
                .map((a) => a.inputs["name"])
                .sort(),
            ["alias/acme-prod-backups", "alias/acme-prod-data", "alias/acme-prod-logs", "alias/acme-prod-secrets"],
        );
        const logs = findResource(resources, KEY, "kms-logs");
        assert.deepEqual(
            [
                logs.inputs["enableKeyRotation"],
                logs.inputs["rotationPeriodInDays"],
                logs.inputs["deletionWindowInDays"],
                logs.inputs["keyUsage"],
                logs.inputs["customerMasterKeySpec"],
            ],
            [true, 365, 30, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT"],
        );
        const alias = findResource(resources, "aws:kms/alias:Alias", "kms-logs");
        assert.equal(alias.inputs["targetKeyId"], logs.outputs["keyId"]);
    });

    it("protects keys when asked, and only then", async () => {
        assert.deepEqual(
            ofType(await synth(base), KEY).map((k) => k.protect),
            [true, true, true, true],
        );
        assert.deepEqual(
            ofType(await synth({ ...base, protect: false }), KEY).map((k) => k.protect),
            [false, false, false, false],
        );
    });

    it("key policy delegates to the account root and has no wildcard principal", async () => {
        const resources = await synth(base);
        const data = JSON.parse(findResource(resources, KEY, "kms-data").inputs["policy"] as string) as unknown;
        assert.deepEqual(data, {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EnableIamPolicies",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::111111111111:root" },
                    Action: "kms:*",
                    Resource: "*",
                },
            ],
        });
    });

    it("the logs key lets CloudWatch Logs use it only for this account's log groups", () => {
        const doc = awsKeyPolicyDocument({ partition: "aws", accountId: "111111111111", region: "us-east-1", purpose: "logs" });
        assert.deepEqual(doc.Statement[1], {
            Sid: "AllowCloudWatchLogs",
            Effect: "Allow",
            Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111111111111:*" } },
        });
    });

    it("admin principals get administration only, not use", () => {
        const doc = awsKeyPolicyDocument({
            partition: "aws",
            accountId: "1",
            region: "r",
            purpose: "data",
            adminArns: ["arn:aws:iam::111111111111:role/break-glass"],
        });
        const admin = doc.Statement.find((s) => s.Sid === "KeyAdministrators");
        assert.ok(admin);
        assert.deepEqual(admin.Principal, { AWS: ["arn:aws:iam::111111111111:role/break-glass"] });
        assert.ok(!(admin.Action as string[]).some((a) => a === "kms:Decrypt" || a === "kms:Encrypt" || a === "kms:*"));
    });

    it("a subset of purposes creates only those keys", async () => {
        assert.deepEqual(
            ofType(await synth({ ...base, purposes: ["logs"] }), KEY).map((k) => k.name),
            ["kms-logs"],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsKmsKeysArgs>, RegExp]> = [
            [
                "missing naming part",
                { naming: { project: "acme" } as never },
                /Invalid argument naming.environment = \(unset\): not a name segment/,
            ],
            ["no purposes", { purposes: [] }, /Invalid argument purposes = \[\]: no key purpose given/],
            ["unknown purpose", { purposes: ["tokens" as never] }, /purposes = \["tokens"\]: unknown purpose tokens/],
            ["duplicate purpose", { purposes: ["logs", "logs"] }, /a purpose is listed twice/],
            ["deletion window too short", { deletionWindowInDays: 3 }, /deletionWindowInDays = 3: AWS accepts 7 to 30 days/],
            ["rotation too frequent", { rotationPeriodInDays: 30 }, /rotationPeriodInDays = 30: AWS accepts 90 to 2560 days/],
            ["wildcard admin", { adminArns: ["*"] }, /adminArns = "\*": not an IAM role or user ARN \(wildcards are not allowed\)/],
        ];
        for (const [label, override, message] of cases) {
            it(`rejects ${label}`, async () => {
                await assert.rejects(synth({ ...base, ...override }), message);
            });
        }
    });
});
