import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The AWS managed key SNS uses when a topic names it. */
export const SNS_AWS_KEY = "alias/aws/sns";

/**
 * SNS topics are encrypted with a customer-managed key (CKV_AWS_26): `kmsMasterKeyId` set (the
 * alarm topics use the foundation's `logs` key), never the AWS managed `aws/sns` key. Alarm
 * notifications name the platform's resources and their state; the managed key's policy cannot be
 * restricted, and CloudWatch cannot publish to a topic encrypted with it at all, so an alarm topic
 * on it drops every notification.
 */
export const snsEncryptedCmk: ResourceValidationPolicy = {
    name: "aws-sns-encrypted-cmk",
    description: "SNS topics are encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_26: "Ensure all data stored in the SNS topic is encrypted" }),
    remediationSteps:
        "Set kmsMasterKeyId to a customer-managed key whose policy lets the publishing service use it (the foundation's logs key).",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.snsTopic], (props, args, reportViolation) => {
        const key = asNonEmptyString(props["kmsMasterKeyId"]);
        if (key === undefined) {
            reportViolation(`SNS topic ${args.name} sets no kmsMasterKeyId (unencrypted); set it to a customer-managed key.`);
        } else if (key === SNS_AWS_KEY || key.endsWith(`:${SNS_AWS_KEY}`)) {
            reportViolation(`SNS topic ${args.name} uses the AWS managed key ${key}; set kmsMasterKeyId to a customer-managed key.`);
        }
    }),
};
