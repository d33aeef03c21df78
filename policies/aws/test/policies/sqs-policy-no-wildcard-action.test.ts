import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sqsPolicyNoWildcardAction } from "../../src/policies/sqs-policy-no-wildcard-action.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [sqsPolicyNoWildcardAction] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, sqsPolicyNoWildcardAction, urn, detail);
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const TLS_ONLY = { Effect: "Deny", Principal: { AWS: "*" }, Action: "sqs:*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

describe("aws-sqs-policy-no-wildcard-action", () => {
    it("passes named actions and a Deny of sqs:* for plain HTTP", async () => {
        const s = new StackFixture();
        s.custom(QUEUE_POLICY, "ok", {
            queueUrl: "q",
            policy: JSON.stringify({
                Statement: [TLS_ONLY, { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage" }],
            }),
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags * in any statement (Allow or Deny) and sqs:* in an Allow", async () => {
        const s = new StackFixture();
        const star = s.custom(QUEUE_POLICY, "star", {
            queueUrl: "q",
            policy: JSON.stringify({
                Statement: [{ Sid: "All", Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/r" }, Action: "*" }],
            }),
        });
        const sqsAll = s.custom(QUEUE_POLICY, "sqs-all", {
            queueUrl: "q",
            policy: JSON.stringify({
                Statement: [TLS_ONLY, { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/r" }, Action: ["sqs:*"] }],
            }),
        });
        assert.deepEqual(await run(s), [
            v(star.urn, 'queue policy star grants * in statement "All"; list the SQS actions the principal needs.'),
            v(sqsAll.urn, "queue policy sqs-all grants sqs:* in statement #2; list the SQS actions the principal needs."),
        ]);
    });
});
