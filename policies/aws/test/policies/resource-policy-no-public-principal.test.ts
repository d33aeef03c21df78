import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { resourcePolicyNoPublicPrincipal } from "../../src/policies/resource-policy-no-public-principal.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [resourcePolicyNoPublicPrincipal] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, resourcePolicyNoPublicPrincipal, urn, detail);
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const QUEUE = "aws:sqs/queue:Queue";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const TLS_ONLY = { Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } };
const FIX = 'name the service principal or the account and role ARNs instead of "*".';

describe("aws-resource-policy-no-public-principal", () => {
    it("passes service principals with a source condition, account roles, and Deny statements to everyone", async () => {
        const s = new StackFixture();
        s.custom(BUCKET_POLICY, "audit", {
            bucket: "b",
            policy: doc(TLS_ONLY, {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111111111111:trail/t" } },
            }),
        });
        s.custom(QUEUE_POLICY, "events", {
            queueUrl: "q",
            policy: {
                Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "sqs:SendMessage" }],
            },
        });
        s.custom(QUEUE, "no-policy", {});
        assert.deepEqual(await run(s), []);
    });

    it("flags Allow to * and to AWS * (with or without a condition), on policies and on a queue's own policy", async () => {
        const s = new StackFixture();
        const bucket = s.custom(BUCKET_POLICY, "public-read", {
            bucket: "b",
            policy: doc(TLS_ONLY, { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject" }),
        });
        const queue = s.custom(QUEUE_POLICY, "any-account", {
            queueUrl: "q",
            policy: doc({
                Effect: "Allow",
                Principal: { AWS: ["*"] },
                Action: "sqs:SendMessage",
                Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
            }),
        });
        const inline = s.custom(QUEUE, "inline", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:*" }) });
        assert.deepEqual(await run(s), [
            v(bucket.urn, `resource policy of public-read allows every principal in statement "PublicRead"; ${FIX}`),
            v(queue.urn, `resource policy of any-account allows every principal in statement #1; ${FIX}`),
            v(inline.urn, `resource policy of inline allows every principal in statement #1; ${FIX}`),
        ]);
    });
});
