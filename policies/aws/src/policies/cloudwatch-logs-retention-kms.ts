import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asNumber, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * CloudWatch log groups have a retention and a customer-managed KMS key (CKV_AWS_158/338): logs kept
 * forever are a cost and compliance problem, and logs often hold data worth a key we control.
 * `retentionInDays` unset or 0 means "never expire".
 */
export const cloudwatchLogsRetentionKms: ResourceValidationPolicy = {
    name: "aws-cloudwatch-logs-retention-kms",
    description: "CloudWatch log groups have a retention period and a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_AWS_66: "Ensure that CloudWatch Log Group specifies retention days",
        CKV_AWS_158: "Ensure that CloudWatch Log Group is encrypted by KMS",
    }),
    remediationSteps:
        "Set retentionInDays (e.g. 365) and set kmsKeyId to the ARN of a customer-managed KMS key whose key policy lets CloudWatch Logs use it.",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.logGroup], (props, args, reportViolation) => {
        const retention = asNumber(props["retentionInDays"]);
        if (retention === undefined || retention <= 0) {
            const state = retention === undefined ? "does not set retentionInDays" : `sets retentionInDays: ${retention}`;
            reportViolation(`log group ${args.name} ${state}, so its logs never expire; set retentionInDays (e.g. 365).`);
        }
        if (asNonEmptyString(props["kmsKeyId"]) === undefined) {
            reportViolation(
                `log group ${args.name} does not set kmsKeyId, so it is encrypted with an AWS-owned key; set kmsKeyId to a customer-managed KMS key ARN.`,
            );
        }
    }),
};
