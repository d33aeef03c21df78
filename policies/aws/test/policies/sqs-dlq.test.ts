import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { sqsDlq } from "../../src/policies/sqs-dlq.js";

const QUEUE = "aws:sqs/queue:Queue";
const ARN = "arn:aws:sqs:us-east-1:111111111111";
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [sqsDlq] }, s.build());

describe("aws-sqs-dlq", () => {
    it("passes a queue redriving to its dead-letter queue (by ARN or by dependency); the dead-letter queue itself is exempt", async () => {
        const s = new StackFixture();
        const dlq = s.custom(QUEUE, "jobs-dlq", { name: "jobs-dlq" }, { outputs: { arn: `${ARN}:jobs-dlq` } });
        s.custom(QUEUE, "jobs", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:jobs-dlq`, maxReceiveCount: 5 }) });
        const other = s.custom(QUEUE, "other-dlq", {}, { outputs: { arn: `${ARN}:other-dlq` } });
        s.custom(
            QUEUE,
            "other",
            { redrivePolicy: { deadLetterTargetArn: `${ARN}:other-dlq`, maxReceiveCount: 3 } },
            { propertyDependencies: { redrivePolicy: [other] } },
        );
        const allowed = s.custom(QUEUE, "allowed", {}, { id: "https://sqs/allowed" });
        s.custom(
            "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
            "allowed",
            { queueUrl: "https://sqs/allowed", redriveAllowPolicy: "{}" },
            { propertyDependencies: { queueUrl: [allowed] } },
        );
        void dlq;
        assert.deepEqual(await run(s), []);
    });

    it("passes a separate aws.sqs.RedrivePolicy, and a redrive unknown during preview", async () => {
        const s = new StackFixture();
        const q = s.custom(QUEUE, "jobs", {}, { id: "https://sqs/jobs" });
        s.custom(
            "aws:sqs/redrivePolicy:RedrivePolicy",
            "jobs",
            { queueUrl: "https://sqs/jobs", redrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:x`, maxReceiveCount: 5 }) },
            { propertyDependencies: { queueUrl: [q] } },
        );
        s.custom(QUEUE, "preview", { redrivePolicy: pulumi.unknown }, { exactOutputs: { redrivePolicy: pulumi.unknown } });
        assert.deepEqual(await run(s), []);
    });

    it("flags a queue without a dead-letter queue (unset), and a redrive without a target or a count", async () => {
        const s = new StackFixture();
        const unset = s.custom(QUEUE, "unset", {});
        const partial = s.custom(QUEUE, "partial", { redrivePolicy: JSON.stringify({ maxReceiveCount: 0 }) });
        const v = (urn: string, detail: string) => expectedViolation(packName, sqsDlq, urn, detail);
        assert.deepEqual(await run(s), [
            v(
                unset.urn,
                `SQS queue unset-id (${unset.urn}) has no dead-letter queue; set its redrivePolicy to { deadLetterTargetArn, maxReceiveCount }.`,
            ),
            v(
                partial.urn,
                `SQS queue partial-id (${partial.urn})'s redrivePolicy lacks a deadLetterTargetArn or a maxReceiveCount of at least 1; set both.`,
            ),
        ]);
    });

    it("exempts event queues that keep messages 15 minutes or less (Karpenter's interruption queue), not a minute more", async () => {
        const s = new StackFixture();
        s.custom(QUEUE, "interruption", { messageRetentionSeconds: 300 });
        s.custom(QUEUE, "fifteen-minutes", { messageRetentionSeconds: 900 });
        s.custom(QUEUE, "preview", { messageRetentionSeconds: pulumi.unknown });
        const longer = s.custom(QUEUE, "longer", { messageRetentionSeconds: 901 });
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                sqsDlq,
                longer.urn,
                `SQS queue longer-id (${longer.urn}) has no dead-letter queue; set its redrivePolicy to { deadLetterTargetArn, maxReceiveCount }.`,
            ),
        ]);
    });
});
