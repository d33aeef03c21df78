import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * SQS queues encrypt their messages (CKV_AWS_27): with a KMS key (`kmsMasterKeyId`, the platform
 * uses the foundation's data key) or SQS-managed SSE. `sqsManagedSseEnabled: false` without a key
 * leaves them unencrypted; unset both is unencrypted on queues created before SQS turned SSE on by
 * default, so the platform states it.
 */
export const sqsEncrypted: ResourceValidationPolicy = {
    name: "aws-sqs-encrypted",
    description: "SQS queues encrypt their messages at rest.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_27: "Ensure all data stored in the SQS queue is encrypted" }),
    remediationSteps: "Set kmsMasterKeyId to a customer-managed key (the foundation's data key), or at least sqsManagedSseEnabled: true.",
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.sqsQueue], (props, args, reportViolation) => {
        if (asNonEmptyString(props["kmsMasterKeyId"]) !== undefined || props["sqsManagedSseEnabled"] === true) return;
        const state =
            props["sqsManagedSseEnabled"] === false
                ? "turns SQS-managed encryption off without a KMS key"
                : "sets neither kmsMasterKeyId nor sqsManagedSseEnabled";
        reportViolation(`SQS queue ${args.name} ${state}; set kmsMasterKeyId to a customer-managed key.`);
    }),
};
