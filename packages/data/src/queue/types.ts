/**
 * A work queue with a dead-letter queue, one concept on both clouds: `AwsQueue` (SQS) and
 * `GcpQueue` (Pub/Sub topic and subscription). A message that fails `maxReceiveCount` deliveries
 * moves to the dead-letter queue, where it is kept for inspection and replay instead of being
 * retried forever or dropped.
 */
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, DEFAULT_MAX_RECEIVE_COUNT } from "@platform/core";

export interface WorkQueue {
    /** Where producers send: the queue URL (SQS) or the topic id (Pub/Sub). */
    readonly publishTarget: pulumi.Output<string>;
    /** Where consumers receive: the queue URL (SQS) or the subscription id (Pub/Sub). */
    readonly consumeTarget: pulumi.Output<string>;
    /** Where failed messages go: the dead-letter queue URL (SQS) or topic id (Pub/Sub). */
    readonly deadLetterTarget: pulumi.Output<string>;
}

export interface WorkQueueArgs {
    readonly naming: ComponentNaming;
    /**
     * Deliveries before a message moves to the dead-letter queue (`platform:data.queue.maxReceiveCount`).
     * Low enough that a poison message stops being retried within minutes.
     * @default 5
     */
    readonly maxReceiveCount?: number;
}

export { DEFAULT_MAX_RECEIVE_COUNT };
