import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsQueue, type AwsQueueArgs } from "../../src/index.js";
import { ACCOUNT, DATA_KEY, json, protection, synth } from "../helpers.js";

const QUEUE = "aws:sqs/queue:Queue";
const URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}`;
const ARN = `arn:aws:sqs:us-east-1:${ACCOUNT}`;

function run(extra: Partial<AwsQueueArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const q = new AwsQueue("jobs", { naming: { project: "acme", environment: "prod" }, kmsKeyArn: DATA_KEY, ...extra }, opts);
        return {
            publishTarget: q.publishTarget,
            consumeTarget: q.consumeTarget,
            deadLetterTarget: q.deadLetterTarget,
            queueArn: q.queueArn,
        };
    });
}

describe("AwsQueue", () => {
    it("creates the queue, its dead-letter queue, the redrive allow policy and two TLS-only queue policies", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(countByType(resources), [
            { type: QUEUE, count: 2 },
            { type: "aws:sqs/queuePolicy:QueuePolicy", count: 2 },
            { type: "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", count: 1 },
            { type: "platform:data:AwsQueue", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(outputs, {
            publishTarget: `${URL}/acme-prod-jobs-queue`,
            consumeTarget: `${URL}/acme-prod-jobs-queue`,
            deadLetterTarget: `${URL}/acme-prod-jobs-dlq`,
            queueArn: `${ARN}:acme-prod-jobs-queue`,
        });
    });

    it("both queues use the data key; the queue redrives after the configured receives; the dead-letter queue keeps 14 days", async () => {
        const { resources } = await run({ maxReceiveCount: 3, visibilityTimeoutSeconds: 120 });
        assert.deepEqual(findResource(resources, QUEUE, "jobs-queue").inputs, {
            name: "acme-prod-jobs-queue",
            kmsMasterKeyId: DATA_KEY,
            kmsDataKeyReusePeriodSeconds: 300,
            sqsManagedSseEnabled: false,
            messageRetentionSeconds: 345600,
            visibilityTimeoutSeconds: 120,
            receiveWaitTimeSeconds: 20,
            redrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}:acme-prod-jobs-dlq`, maxReceiveCount: 3 }),
        });
        assert.deepEqual(findResource(resources, QUEUE, "jobs-dlq").inputs, {
            name: "acme-prod-jobs-dlq",
            kmsMasterKeyId: DATA_KEY,
            kmsDataKeyReusePeriodSeconds: 300,
            sqsManagedSseEnabled: false,
            messageRetentionSeconds: 1209600,
        });
        assert.deepEqual(
            json(findResource(resources, "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", "jobs-dlq").inputs["redriveAllowPolicy"]),
            {
                redrivePermission: "byQueue",
                sourceQueueArns: [`${ARN}:acme-prod-jobs-queue`],
            },
        );
    });

    it("the default redrive count is 5", async () => {
        const redrive = json(findResource((await run()).resources, QUEUE, "jobs-queue").inputs["redrivePolicy"]) as Record<string, unknown>;
        assert.equal(redrive["maxReceiveCount"], 5);
    });

    it("each queue's policy denies every request that is not over TLS", async () => {
        const { resources } = await run();
        assert.deepEqual(
            ofType(resources, "aws:sqs/queuePolicy:QueuePolicy")
                .map((p) => [p.inputs["queueUrl"], json(p.inputs["policy"])])
                .sort(([a], [b]) => String(a).localeCompare(String(b))),
            ["dlq", "queue"].map((q) => [
                `${URL}/acme-prod-jobs-${q}`,
                {
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sqs:*",
                            Resource: `${ARN}:acme-prod-jobs-${q}`,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                },
            ]),
        );
    });

    it("protect: true protects every child and retains both queues", async () => {
        const lines = protection((await run({}, { protect: true })).resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            ["jobs-dlq aws:sqs/queue:Queue protect=true retain=true", "jobs-queue aws:sqs/queue:Queue protect=true retain=true"],
        );
        assert.equal(lines.length, 5);
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsQueueArgs>, Array<[string, string]>]> = [
            ["no receives", { maxReceiveCount: 0 }, [["maxReceiveCount", "must be a whole number from 1 to 1000"]]],
            ["1001 receives", { maxReceiveCount: 1001 }, [["maxReceiveCount", "must be a whole number from 1 to 1000"]]],
            ["a fractional count", { maxReceiveCount: 2.5 }, [["maxReceiveCount", "must be a whole number from 1 to 1000"]]],
            [
                "a 13-hour visibility",
                { visibilityTimeoutSeconds: 46_800 },
                [["visibilityTimeoutSeconds", "must be a whole number from 0 to 43200"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
    });
});
