import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    asNonEmptyString,
    asNumber,
    asString,
    parseJsonOrObject,
    referencedResources,
    resourceLabel,
    resourcesOfTypes,
    seedTags,
    tryRead,
} from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The redrive policy of a queue: its own `redrivePolicy`, else an `aws.sqs.RedrivePolicy` resource's. */
function redriveOf(queue: PolicyResource, policies: readonly PolicyResource[]): { text: unknown; known: boolean } {
    const own = tryRead(() => queue.props["redrivePolicy"] as unknown);
    if (!own.known) return { text: undefined, known: false };
    if (asNonEmptyString(own.value) !== undefined || parseJsonOrObject(own.value) !== undefined) return { text: own.value, known: true };
    const separate = policies.find((p) => referencedResources(p, "queueUrl", [queue]).length > 0);
    return { text: separate?.props["redrivePolicy"], known: true };
}

/**
 * Queues that keep messages at most this long (seconds) are event feeds, not work queues: a poison
 * message loops at most that long, and a dead-letter queue would only collect expired events
 * (Karpenter's interruption queue keeps EventBridge notices 300 s).
 */
export const EVENT_QUEUE_MAX_RETENTION_SECONDS = 900;

/**
 * Every SQS work queue has a dead-letter queue (the catalogue's sqs-dlq; seed 001's `docuthinker-jobs`):
 * a `redrivePolicy` with a `deadLetterTargetArn` and a `maxReceiveCount`, so a poison message stops
 * being retried and is kept for inspection. Dead-letter queues themselves are exempt: a queue that
 * another queue's redrive policy targets (by dependency or ARN), or that has a redrive allow policy;
 * so are event queues that keep messages 15 minutes or less ({@link EVENT_QUEUE_MAX_RETENTION_SECONDS}).
 */
export const sqsDlq: StackValidationPolicy = {
    name: "aws-sqs-dlq",
    description: "SQS queues have a dead-letter queue.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: seedTags("001"),
    remediationSteps:
        "Create a dead-letter queue and set the queue's redrivePolicy to { deadLetterTargetArn: <its ARN>, maxReceiveCount: 5 } (platform:data.queue.maxReceiveCount).",
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
    validateStack: (args, reportViolation) => {
        const queues = resourcesOfTypes(args.resources, AWS_TYPES.sqsQueue);
        const separatePolicies = resourcesOfTypes(args.resources, "aws:sqs/redrivePolicy:RedrivePolicy");
        const deadLetterQueues = new Set<string>();
        for (const queue of queues) {
            const { text } = redriveOf(queue, separatePolicies);
            const target = asString(parseJsonOrObject(text)?.["deadLetterTargetArn"]);
            for (const dlq of queues) {
                if (dlq === queue) continue;
                const arn = tryRead(() => asString(dlq.props["arn"]));
                const byArn = target !== undefined && arn.known && arn.value === target;
                const byDependency =
                    target === undefined && (queue.propertyDependencies["redrivePolicy"] ?? []).some((d) => d.urn === dlq.urn);
                if (byArn || byDependency) deadLetterQueues.add(dlq.urn);
            }
        }
        for (const allow of resourcesOfTypes(args.resources, AWS_TYPES.sqsRedriveAllowPolicy)) {
            for (const dlq of referencedResources(allow, "queueUrl", queues)) deadLetterQueues.add(dlq.urn);
        }
        for (const queue of queues) {
            if (deadLetterQueues.has(queue.urn) || asNonEmptyString(queue.props["redriveAllowPolicy"]) !== undefined) continue;
            const retention = tryRead(() => asNumber(queue.props["messageRetentionSeconds"]));
            if (!retention.known || (retention.value !== undefined && retention.value <= EVENT_QUEUE_MAX_RETENTION_SECONDS)) continue;
            const redrive = redriveOf(queue, separatePolicies);
            if (!redrive.known) continue;
            const policy = parseJsonOrObject(redrive.text);
            if (policy === undefined) {
                reportViolation(
                    `SQS queue ${resourceLabel(queue)} has no dead-letter queue; set its redrivePolicy to { deadLetterTargetArn, maxReceiveCount }.`,
                    queue.urn,
                );
            } else if (asNonEmptyString(policy["deadLetterTargetArn"]) === undefined || (asNumber(policy["maxReceiveCount"]) ?? 0) < 1) {
                reportViolation(
                    `SQS queue ${resourceLabel(queue)}'s redrivePolicy lacks a deadLetterTargetArn or a maxReceiveCount of at least 1; set both.`,
                    queue.urn,
                );
            }
        }
    },
};
