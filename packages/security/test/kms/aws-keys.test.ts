import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsKmsKeys, type AwsKmsKeysArgs, awsKeyPolicyDocument } from "../../src/index.js";

const base: AwsKmsKeysArgs = { naming: { project: "acme", environment: "prod" } };
const KEY = "aws:kms/key:Key";

async function synth(args: AwsKmsKeysArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new AwsKmsKeys("kms", args, opts) })).resources;
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
            ["alias/acme-prod-kms-backups", "alias/acme-prod-kms-data", "alias/acme-prod-kms-logs", "alias/acme-prod-kms-secrets"],
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

    it("protect through resource options reaches every key and alias; keys are also retained on delete", async () => {
        const guarded = await synth(base, { protect: true });
        assert.deepEqual(
            guarded
                .filter((r) => r.custom)
                .map((r) => `${r.name} ${r.type} protect=${r.protect} retain=${r.retainOnDelete}`)
                .sort(),
            ["backups", "data", "logs", "secrets"].flatMap((p) => [
                `kms-${p} aws:kms/alias:Alias protect=true retain=false`,
                `kms-${p} aws:kms/key:Key protect=true retain=true`,
            ]),
        );
    });

    it("protection is inherited from a protected parent, and nothing is protected or retained without it", async () => {
        const inherited = await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                const parent = new (class extends pulumi.ComponentResource {
                    constructor() {
                        super("test:index:Parent", "parent", {}, { protect: true });
                    }
                })();
                new AwsKmsKeys("kms", base, { parent });
            },
        });
        assert.deepEqual(
            ofType(inherited.resources, KEY).map((k) => [k.protect, k.retainOnDelete]),
            [
                [true, true],
                [true, true],
                [true, true],
                [true, true],
            ],
        );
        const open = await synth(base);
        assert.deepEqual(
            open.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name),
            [],
        );
    });

    it("two instances get distinct aliases and key descriptions", async () => {
        const { resources } = await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                new AwsKmsKeys("kms", { ...base, purposes: ["data"] });
                new AwsKmsKeys("tenant-kms", { ...base, purposes: ["data"] });
            },
        });
        assert.deepEqual(
            ofType(resources, "aws:kms/alias:Alias").map((a) => a.inputs["name"]),
            ["alias/acme-prod-kms-data", "alias/acme-prod-tenant-kms-data"],
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

    it("the logs key lets CloudTrail encrypt only this account's trails and describe the key from this account", () => {
        const doc = awsKeyPolicyDocument({ partition: "aws", accountId: "111111111111", region: "us-east-1", purpose: "logs" });
        assert.equal(doc.Statement.length, 5);
        assert.deepEqual(doc.Statement.slice(2, 4), [
            {
                Sid: "AllowCloudTrailEncrypt",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*" } },
            },
            {
                Sid: "AllowCloudTrailDescribe",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
            },
        ]);
        const data = awsKeyPolicyDocument({ partition: "aws", accountId: "111111111111", region: "us-east-1", purpose: "data" });
        assert.deepEqual(
            data.Statement.map((st) => st.Sid),
            ["EnableIamPolicies"],
        );
    });

    it("the logs key lets CloudWatch alarms of this account publish to the topics it encrypts, nothing else", () => {
        const doc = awsKeyPolicyDocument({ partition: "aws", accountId: "111111111111", region: "us-east-1", purpose: "logs" });
        assert.deepEqual(doc.Statement[4], {
            Sid: "AllowCloudWatchAlarms",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
        });
        for (const purpose of ["data", "secrets", "backups"] as const) {
            const other = awsKeyPolicyDocument({ partition: "aws", accountId: "111111111111", region: "us-east-1", purpose });
            assert.equal(other.Statement.filter((st) => st.Principal.Service === "cloudwatch.amazonaws.com").length, 0, purpose);
        }
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
        const cases: Array<[string, Partial<AwsKmsKeysArgs>, Array<[string, string]>]> = [
            ["missing naming part", { naming: { project: "acme" } as never }, [["naming.environment", "is not a name segment"]]],
            ["no purposes", { purposes: [] }, [["purposes", "no key purpose given"]]],
            ["unknown purpose", { purposes: ["tokens" as never] }, [["purposes", "unknown purpose tokens"]]],
            ["duplicate purpose", { purposes: ["logs", "logs"] }, [["purposes", '"logs" listed twice']]],
            ["deletion window too short", { deletionWindowDays: 3 }, [["deletionWindowDays", "must be a whole number from 7 to 30"]]],
            ["rotation too frequent", { rotationPeriodDays: 30 }, [["rotationPeriodDays", "must be a whole number from 90 to 2560"]]],
            ["wildcard admin", { adminArns: ["*"] }, [["adminArns[0]", "is not a full IAM role or user ARN without wildcards"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
