import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * KMS keys the platform declares are enabled (CKV_AWS_227): a disabled key cannot decrypt, so every
 * volume, database, bucket object, log group and secret encrypted with it becomes unreadable until
 * someone enables it again. To retire a key, schedule its deletion (remove it from the program)
 * after re-encrypting the data. Unset is enabled.
 */
export const kmsKeyEnabled: ResourceValidationPolicy = {
    name: "aws-kms-key-enabled",
    description: "KMS keys are enabled.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_227: "Ensure KMS key is enabled" }),
    remediationSteps: "Remove isEnabled: false (or set it to true); retire a key by re-encrypting its data and deleting the key.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.kmsKey], (props, args, reportViolation) => {
        if (props["isEnabled"] === false) {
            reportViolation(`KMS key ${args.name} is disabled (isEnabled: false), so nothing encrypted with it can be read; enable it.`);
        }
    }),
};
