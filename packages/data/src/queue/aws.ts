/**
 * A work queue on SQS (seed 001: `docuthinker-jobs`, scaled by KEDA): the queue and its dead-letter
 * queue, both encrypted with the foundation's `data` key, a redrive after `maxReceiveCount`
 * receives, the dead-letter queue usable by this queue only and keeping messages 14 days (the
 * maximum), and queue policies that refuse any request not made over TLS.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { checkWholeNumber, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { sqsRedriveAllowPolicy, sqsRedrivePolicy, sqsTlsOnlyPolicy } from "./aws-policy.js";
import { DEFAULT_MAX_RECEIVE_COUNT, type WorkQueue, type WorkQueueArgs } from "./types.js";

/** Seconds SQS keeps a message: the source 4 days (the default), the dead-letter queue 14 (the maximum). */
export const SQS_MESSAGE_RETENTION_SECONDS = 4 * 86_400;
export const SQS_DEAD_LETTER_RETENTION_SECONDS = 14 * 86_400;
/** How long SQS reuses a data key before asking KMS again (cost versus key use; 5 minutes is the default). */
export const SQS_KMS_DATA_KEY_REUSE_SECONDS = 300;
/** SQS queue names: at most 80 characters. */
export const SQS_NAME_MAX_LENGTH = 80;

export interface AwsQueueArgs extends WorkQueueArgs {
    /** The foundation's `data` key. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Seconds a received message stays invisible to other consumers: longer than a job takes.
     * @default 30
     */
    readonly visibilityTimeoutSeconds?: number;
}

export class AwsQueue extends DataComponent implements WorkQueue {
    readonly publishTarget: pulumi.Output<string>;
    readonly consumeTarget: pulumi.Output<string>;
    readonly deadLetterTarget: pulumi.Output<string>;
    readonly queueArn: pulumi.Output<string>;
    readonly deadLetterArn: pulumi.Output<string>;
    readonly queue: aws.sqs.Queue;
    readonly deadLetterQueue: aws.sqs.Queue;

    constructor(name: string, args: AwsQueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsQueue", name, args.naming, opts);
        const maxReceiveCount = args.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
        const visibility = args.visibilityTimeoutSeconds ?? 30;
        this.validate(validateAwsQueueArgs(maxReceiveCount, visibility));
        const children = this.children;
        const encryption = {
            kmsMasterKeyId: args.kmsKeyArn,
            kmsDataKeyReusePeriodSeconds: SQS_KMS_DATA_KEY_REUSE_SECONDS,
            sqsManagedSseEnabled: false,
        };

        this.deadLetterQueue = new aws.sqs.Queue(
            children.name("dlq"),
            {
                name: children.physicalWithin("dlq", SQS_NAME_MAX_LENGTH),
                ...encryption,
                messageRetentionSeconds: SQS_DEAD_LETTER_RETENTION_SECONDS,
            },
            children.stateful(),
        );
        this.queue = new aws.sqs.Queue(
            children.name("queue"),
            {
                name: children.physicalWithin("queue", SQS_NAME_MAX_LENGTH),
                ...encryption,
                messageRetentionSeconds: SQS_MESSAGE_RETENTION_SECONDS,
                visibilityTimeoutSeconds: visibility,
                receiveWaitTimeSeconds: 20,
                redrivePolicy: this.deadLetterQueue.arn.apply((arn) => JSON.stringify(sqsRedrivePolicy(arn, maxReceiveCount))),
            },
            children.stateful(),
        );
        new aws.sqs.RedriveAllowPolicy(
            children.name("dlq"),
            {
                queueUrl: this.deadLetterQueue.url,
                redriveAllowPolicy: this.queue.arn.apply((arn) => JSON.stringify(sqsRedriveAllowPolicy(arn))),
            },
            children.options(),
        );
        for (const [child, queue] of [
            ["queue", this.queue],
            ["dlq", this.deadLetterQueue],
        ] as const) {
            new aws.sqs.QueuePolicy(
                children.name(`${child}-tls-only`),
                { queueUrl: queue.url, policy: queue.arn.apply((arn) => JSON.stringify(sqsTlsOnlyPolicy(arn))) },
                children.options(),
            );
        }
        this.publishTarget = this.queue.url;
        this.consumeTarget = this.queue.url;
        this.deadLetterTarget = this.deadLetterQueue.url;
        this.queueArn = this.queue.arn;
        this.deadLetterArn = this.deadLetterQueue.arn;
        this.complete("publishTarget", "consumeTarget", "deadLetterTarget", "queueArn", "deadLetterArn");
    }
}

/** Every problem with AwsQueue's arguments. */
export function validateAwsQueueArgs(maxReceiveCount: number, visibilityTimeoutSeconds: number): Issue[] {
    return [
        ...checkWholeNumber("maxReceiveCount", maxReceiveCount, { min: 1, max: 1000 }, "use 1 to 1000 receives (SQS's range), e.g. 5"),
        ...checkWholeNumber(
            "visibilityTimeoutSeconds",
            visibilityTimeoutSeconds,
            { min: 0, max: 43_200 },
            "use 0 to 43200 seconds (12 hours)",
        ),
    ];
}
