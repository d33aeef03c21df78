import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * SQS queues encrypt their messages (CKV_AWS_27): with a KMS key (`kmsMasterKeyId`, the platform
 * uses the foundation's data key) or SQS-managed SSE. `sqsManagedSseEnabled: false` without a key
 * leaves them unencrypted; unset both is unencrypted on queues created before SQS turned SSE on by
 * default, so the platform states it. The AWS-managed `alias/aws/sqs` key is refused (CKV2_AWS_73):
 * its key policy cannot be changed, so no other account or service (EventBridge, SNS) can be let in
 * and no access can be revoked.
 */
export const sqsEncrypted: ResourceValidationPolicy = {
    name: "aws-sqs-encrypted",
    description: "SQS queues encrypt their messages at rest.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_AWS_27: "Ensure all data stored in the SQS queue is encrypted",
        CKV2_AWS_73: "Ensure AWS SQS uses CMK not AWS default keys for encryption",
    }),
    remediationSteps: "Set kmsMasterKeyId to a customer-managed key (the foundation's data key), or at least sqsManagedSseEnabled: true.",
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.sqsQueue], (props, args, reportViolation) => {
        const key = asNonEmptyString(props["kmsMasterKeyId"]);
        if (key === "alias/aws/sqs") {
            reportViolation(
                `SQS queue ${args.name} encrypts with the AWS-managed key alias/aws/sqs; set kmsMasterKeyId to a customer-managed key.`,
            );
            return;
        }
        if (key !== undefined || props["sqsManagedSseEnabled"] === true) return;
        const state =
            props["sqsManagedSseEnabled"] === false
                ? "turns SQS-managed encryption off without a KMS key"
                : "sets neither kmsMasterKeyId nor sqsManagedSseEnabled";
        reportViolation(`SQS queue ${args.name} ${state}; set kmsMasterKeyId to a customer-managed key.`);
    }),
};
