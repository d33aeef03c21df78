/**
 * A work queue on Pub/Sub: a topic and its subscription, and a dead-letter topic with its own
 * subscription so failed messages are kept for inspection. Topics are encrypted with the
 * foundation's `data` key (CMEK) and stored only in the stack's region; the subscription retries
 * with exponential backoff and dead-letters after `maxReceiveCount` delivery attempts (Pub/Sub
 * accepts 5 to 100). The Pub/Sub service agent may publish to the dead-letter topic and
 * acknowledge on the source subscription, as dead-lettering requires.
 *
 * Depends on {@link GcpDataServiceAgents}: Pub/Sub's agent must be allowed to use the key first.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, checkRegion, checkWholeNumber, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { DEFAULT_MAX_RECEIVE_COUNT, type WorkQueue, type WorkQueueArgs } from "./types.js";

/** Seven days: the longest a subscription keeps unacknowledged messages. */
export const PUBSUB_MESSAGE_RETENTION = "604800s";
export const PUBSUB_RETRY_POLICY = { minimumBackoff: "10s", maximumBackoff: "600s" } as const;

export interface GcpQueueArgs extends WorkQueueArgs {
    readonly project: string;
    readonly region: string;
    /** The foundation's `data` key (CMEK). */
    readonly kmsKeyName: pulumi.Input<string>;
    /** The Pub/Sub service agent's member (`GcpDataServiceAgents.pubsubMember`). */
    readonly pubsubServiceAgent: pulumi.Input<string>;
    /** Seconds a consumer has to acknowledge. @default 30 */
    readonly ackDeadlineSeconds?: number;
}

export class GcpQueue extends DataComponent implements WorkQueue {
    readonly publishTarget: pulumi.Output<string>;
    readonly consumeTarget: pulumi.Output<string>;
    readonly deadLetterTarget: pulumi.Output<string>;
    /** The dead-letter subscription (to inspect and replay failed messages). */
    readonly deadLetterSubscription: pulumi.Output<string>;

    constructor(name: string, args: GcpQueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpQueue", name, args.naming, opts);
        const maxReceiveCount = args.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
        const ackDeadline = args.ackDeadlineSeconds ?? 30;
        this.validate(validateGcpQueueArgs(args, maxReceiveCount, ackDeadline));
        const children = this.children;
        const topic = (child: string) =>
            new gcp.pubsub.Topic(
                children.name(child),
                {
                    project: args.project,
                    name: children.physical(child, "gcp"),
                    kmsKeyName: args.kmsKeyName,
                    messageStoragePolicy: { allowedPersistenceRegions: [args.region] },
                },
                children.stateful(),
            );
        const subscription = (child: string, topicId: pulumi.Input<string>, extra: Partial<gcp.pubsub.SubscriptionArgs>) =>
            new gcp.pubsub.Subscription(
                children.name(child),
                {
                    project: args.project,
                    name: children.physical(child, "gcp"),
                    topic: topicId,
                    ackDeadlineSeconds: ackDeadline,
                    messageRetentionDuration: PUBSUB_MESSAGE_RETENTION,
                    retainAckedMessages: false,
                    // Never expire for inactivity: an idle queue is still the queue.
                    expirationPolicy: { ttl: "" },
                    ...extra,
                },
                children.stateful(),
            );

        const deadLetterTopic = topic("dlq");
        const deadLetterSubscription = subscription("dlq-sub", deadLetterTopic.id, {});
        const mainTopic = topic("topic");
        const main = subscription("sub", mainTopic.id, {
            deadLetterPolicy: { deadLetterTopic: deadLetterTopic.id, maxDeliveryAttempts: maxReceiveCount },
            retryPolicy: PUBSUB_RETRY_POLICY,
        });
        new gcp.pubsub.TopicIAMMember(
            children.name("dlq-publisher"),
            { project: args.project, topic: deadLetterTopic.name, role: "roles/pubsub.publisher", member: args.pubsubServiceAgent },
            children.options(),
        );
        new gcp.pubsub.SubscriptionIAMMember(
            children.name("sub-dead-letterer"),
            { project: args.project, subscription: main.name, role: "roles/pubsub.subscriber", member: args.pubsubServiceAgent },
            children.options(),
        );
        this.publishTarget = mainTopic.id;
        this.consumeTarget = main.id;
        this.deadLetterTarget = deadLetterTopic.id;
        this.deadLetterSubscription = deadLetterSubscription.id;
        this.complete("publishTarget", "consumeTarget", "deadLetterTarget", "deadLetterSubscription");
    }
}

/** Every problem with GcpQueue's arguments. */
export function validateGcpQueueArgs(args: GcpQueueArgs, maxReceiveCount: number, ackDeadlineSeconds: number): Issue[] {
    return [
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
        ...checkWholeNumber(
            "maxReceiveCount",
            maxReceiveCount,
            { min: 5, max: 100 },
            "use 5 to 100 delivery attempts (Pub/Sub's range for dead-lettering)",
        ),
        ...checkWholeNumber("ackDeadlineSeconds", ackDeadlineSeconds, { min: 10, max: 600 }, "use 10 to 600 seconds"),
    ];
}
