import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { GcpQueue, type GcpQueueArgs } from "../../src/index.js";
import { GCP_DATA_KEY, GCP_PROJECT, protection, synth } from "../helpers.js";

const AGENT = "serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com";

function run(extra: Partial<GcpQueueArgs> = {}, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const q = new GcpQueue(
            "jobs",
            {
                naming: { project: "acme", environment: "dr" },
                project: GCP_PROJECT,
                region: "us-west1",
                kmsKeyName: GCP_DATA_KEY,
                pubsubServiceAgent: AGENT,
                ...extra,
            },
            opts,
        );
        return {
            publishTarget: q.publishTarget,
            consumeTarget: q.consumeTarget,
            deadLetterTarget: q.deadLetterTarget,
            deadLetterSubscription: q.deadLetterSubscription,
        };
    }, "dr");
}

describe("GcpQueue", () => {
    it("a topic with its subscription and a dead-letter topic with its own, CMEK, in the stack's region", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(countByType(resources), [
            { type: "gcp:pubsub/subscription:Subscription", count: 2 },
            { type: "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", count: 1 },
            { type: "gcp:pubsub/topic:Topic", count: 2 },
            { type: "gcp:pubsub/topicIAMMember:TopicIAMMember", count: 1 },
            { type: "platform:data:GcpQueue", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(
            ofType(resources, "gcp:pubsub/topic:Topic").map((t) => t.inputs),
            ["dlq", "topic"].map((t) => ({
                project: GCP_PROJECT,
                name: `acme-dr-jobs-${t}`,
                kmsKeyName: GCP_DATA_KEY,
                messageStoragePolicy: { allowedPersistenceRegions: ["us-west1"] },
            })),
        );
        assert.deepEqual(outputs, {
            publishTarget: "projects/acme-dr-prod/topics/acme-dr-jobs-topic",
            consumeTarget: "projects/acme-dr-prod/subscriptions/acme-dr-jobs-sub",
            deadLetterTarget: "projects/acme-dr-prod/topics/acme-dr-jobs-dlq",
            deadLetterSubscription: "projects/acme-dr-prod/subscriptions/acme-dr-jobs-dlq-sub",
        });
    });

    it("the subscription dead-letters after the configured deliveries, with backoff, and never expires", async () => {
        const { resources } = await run({ maxReceiveCount: 7 });
        assert.deepEqual(findResource(resources, "gcp:pubsub/subscription:Subscription", "jobs-sub").inputs, {
            project: GCP_PROJECT,
            name: "acme-dr-jobs-sub",
            topic: "projects/acme-dr-prod/topics/acme-dr-jobs-topic",
            ackDeadlineSeconds: 30,
            messageRetentionDuration: "604800s",
            retainAckedMessages: false,
            expirationPolicy: { ttl: "" },
            deadLetterPolicy: { deadLetterTopic: "projects/acme-dr-prod/topics/acme-dr-jobs-dlq", maxDeliveryAttempts: 7 },
            retryPolicy: { minimumBackoff: "10s", maximumBackoff: "600s" },
        });
        assert.equal(findResource(resources, "gcp:pubsub/subscription:Subscription", "jobs-dlq-sub").inputs["deadLetterPolicy"], undefined);
    });

    it("the Pub/Sub agent may publish dead letters and acknowledge them on the source subscription", async () => {
        const { resources } = await run();
        assert.deepEqual(findResource(resources, "gcp:pubsub/topicIAMMember:TopicIAMMember", "jobs-dlq-publisher").inputs, {
            project: GCP_PROJECT,
            topic: "acme-dr-jobs-dlq",
            role: "roles/pubsub.publisher",
            member: AGENT,
        });
        assert.deepEqual(
            findResource(resources, "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "jobs-sub-dead-letterer").inputs,
            {
                project: GCP_PROJECT,
                subscription: "acme-dr-jobs-sub",
                role: "roles/pubsub.subscriber",
                member: AGENT,
            },
        );
    });

    it("protect: true protects every child and retains topics and subscriptions", async () => {
        const lines = protection((await run({}, { protect: true })).resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")).map((l) => l.split(" ")[0]),
            ["jobs-dlq", "jobs-dlq-sub", "jobs-sub", "jobs-topic"],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<GcpQueueArgs>, Array<[string, string]>]> = [
            [
                "fewer than 5 deliveries (Pub/Sub's minimum)",
                { maxReceiveCount: 3 },
                [["maxReceiveCount", "must be a whole number from 5 to 100"]],
            ],
            ["more than 100 deliveries", { maxReceiveCount: 101 }, [["maxReceiveCount", "must be a whole number from 5 to 100"]]],
            ["a 5-second ack deadline", { ackDeadlineSeconds: 5 }, [["ackDeadlineSeconds", "must be a whole number from 10 to 600"]]],
            ["an AWS region", { region: "us-east-1" }, [["region", "is not a GCP region"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
    });
});
