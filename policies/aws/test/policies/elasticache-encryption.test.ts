import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { elasticacheEncryption } from "../../src/policies/elasticache-encryption.js";
import { environmentStack, runPolicy, violation } from "./prod-fixtures.js";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const secure = {
    atRestEncryptionEnabled: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/data",
    transitEncryptionEnabled: true,
    transitEncryptionMode: "required",
    authToken: "a-generated-token-of-64-characters",
    automaticFailoverEnabled: true,
    multiAzEnabled: true,
};

describe("aws-elasticache-encryption", () => {
    it("passes encrypted, authenticated caches that fail over in prod; RBAC users instead of a token; a token unknown in preview", async () => {
        const prod = environmentStack("prod");
        prod.add(GROUP, "cache", secure);
        prod.add(GROUP, "rbac", { ...secure, authToken: undefined, userGroupIds: ["users"] });
        prod.add(GROUP, "preview", { ...secure, authToken: pulumi.unknown, kmsKeyId: pulumi.unknown });
        assert.deepEqual(await runPolicy(elasticacheEncryption, prod.s), []);
        const dev = environmentStack("dev");
        dev.add(GROUP, "single", { ...secure, automaticFailoverEnabled: false, multiAzEnabled: false });
        assert.deepEqual(await runPolicy(elasticacheEncryption, dev.s), []);
    });

    it("flags no encryption at rest, the AWS-owned key, none in transit, preferred TLS, no AUTH, and no failover in prod", async () => {
        const { s, add } = environmentStack("prod");
        const unset = add(GROUP, "unset", {});
        const awsKey = add(GROUP, "aws-key", { ...secure, kmsKeyId: undefined });
        const preferred = add(GROUP, "preferred", { ...secure, transitEncryptionMode: "preferred" });
        const v = (r: { urn: string }, name: string, problem: string) =>
            violation(elasticacheEncryption, r.urn, `ElastiCache ${name}-id (${r.urn}) ${problem}.`);
        assert.deepEqual(await runPolicy(elasticacheEncryption, s), [
            v(unset, "unset", "is not encrypted at rest (set atRestEncryptionEnabled: true)"),
            v(unset, "unset", "is not encrypted in transit (set transitEncryptionEnabled: true)"),
            v(unset, "unset", "requires no authentication (set an authToken or userGroupIds)"),
            v(unset, "unset", "does not fail over across zones in prod (set automaticFailoverEnabled: true and multiAzEnabled: true)"),
            v(awsKey, "aws-key", "is encrypted with the AWS-owned key (set kmsKeyId to a customer-managed key)"),
            v(preferred, "preferred", 'accepts plain connections (set transitEncryptionMode: "required")'),
        ]);
    });
});
