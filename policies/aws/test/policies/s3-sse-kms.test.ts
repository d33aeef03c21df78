import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { s3SseKms } from "../../src/policies/s3-sse-kms.js";
import { bucket, COMPLETE, KEY } from "./s3-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [s3SseKms] }, s.build());

describe("aws-s3-sse-kms", () => {
    it("passes SSE-KMS with a customer key (separate resource, DSSE, legacy inline)", async () => {
        const s = new StackFixture();
        bucket(s, "a", COMPLETE);
        bucket(s, "dsse", {
            encryption: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY } }] },
        });
        bucket(
            s,
            "legacy",
            {},
            {
                inline: {
                    serverSideEncryptionConfiguration: {
                        rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } },
                    },
                },
            },
        );
        assert.deepEqual(await run(s), []);
    });

    it("flags no configuration, AES256, and the AWS-managed key", async () => {
        const s = new StackFixture();
        const none = bucket(s, "none", {});
        const aes = bucket(s, "aes", { encryption: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } });
        const managed = bucket(s, "managed", {
            encryption: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
        });
        const fix = 'encrypt with sseAlgorithm "aws:kms" and a customer-managed kmsMasterKeyId.';
        const v = (urn: string, detail: string) => expectedViolation(packName, s3SseKms, urn, detail);
        assert.deepEqual(await run(s), [
            v(none.urn, `S3 bucket none (${none.urn}) has no default encryption configuration (S3-managed AES256 keys); ${fix}`),
            v(aes.urn, `S3 bucket aes (${aes.urn}) encrypts with AES256; ${fix}`),
            v(managed.urn, `S3 bucket managed (${managed.urn}) encrypts with the AWS-managed aws/s3 key; ${fix}`),
        ]);
    });

    it("an ELB access-log bucket (tagged log-delivery: elb-access-logs) must use AES256, which ELB log delivery requires", async () => {
        const s = new StackFixture();
        const tags = { inline: { tags: { "log-delivery": "elb-access-logs" } } };
        const aes = { encryption: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } };
        bucket(s, "alb-logs", aes, tags);
        const unset = bucket(s, "alb-unset", {}, tags);
        const kms = bucket(s, "alb-kms", COMPLETE, tags);
        // The tag with another value earns nothing.
        const other = bucket(s, "other", aes, { inline: { tags: { "log-delivery": "cloudfront" } } });
        const v = (urn: string, detail: string) => expectedViolation(packName, s3SseKms, urn, detail);
        const fix = 'load balancer access logs need sseAlgorithm "AES256" (SSE-S3).';
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                `S3 bucket alb-unset (${unset.urn}) is tagged log-delivery: elb-access-logs but has no default encryption configuration; ${fix}`,
            ),
            v(
                kms.urn,
                `S3 bucket alb-kms (${kms.urn}) is tagged log-delivery: elb-access-logs but does not encrypt with AES256 only; ${fix}`,
            ),
            v(
                other.urn,
                `S3 bucket other (${other.urn}) encrypts with AES256; encrypt with sseAlgorithm "aws:kms" and a customer-managed kmsMasterKeyId.`,
            ),
        ]);
    });
});
