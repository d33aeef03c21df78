import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Amazon MQ brokers encrypt at rest with a customer-managed KMS key where the engine allows it
 * (CKV_AWS_209): an ActiveMQ broker sets `encryptionOptions: { useAwsOwnedKey: false, kmsKeyId }`,
 * so the platform controls who can decrypt the message store. Amazon MQ for RabbitMQ encrypts only
 * with an AWS-owned key, so RabbitMQ brokers are not applicable here (Checkov still fails them: a
 * documented exception in checkov-exceptions.yaml).
 */
export const mqEncryptionCmk: ResourceValidationPolicy = {
    name: "aws-mq-encryption-cmk",
    description: "ActiveMQ brokers encrypt at rest with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_209: "Ensure MQ broker encrypted by KMS using a customer managed Key (CMK)" }),
    remediationSteps:
        "Set encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: <customer-managed key ARN> } on ActiveMQ brokers (it cannot change after creation).",
    url: "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html#data-protection-encryption-at-rest",
    validateResource: validateResourceOfTypes([AWS_TYPES.mqBroker], (props, args, reportViolation) => {
        if ((asString(props["engineType"]) ?? "").toLowerCase() !== "activemq") {
            args.notApplicable("Amazon MQ for RabbitMQ supports only AWS-owned keys");
        }
        const options = asRecord(props["encryptionOptions"]);
        if (asNonEmptyString(options?.["kmsKeyId"]) === undefined || options?.["useAwsOwnedKey"] === true) {
            reportViolation(
                `MQ broker ${args.name} encrypts with an AWS-owned key; set encryptionOptions.kmsKeyId to a customer-managed key and useAwsOwnedKey: false.`,
            );
        }
    }),
};
