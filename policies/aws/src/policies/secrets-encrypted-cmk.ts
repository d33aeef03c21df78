import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The AWS managed key Secrets Manager uses when no key is named. */
export const SECRETS_MANAGER_AWS_KEY = "alias/aws/secretsmanager";

/**
 * Secrets Manager secrets are encrypted with a customer-managed key (CKV_AWS_149; seeds 000, 002,
 * 003 secret encryption): `kmsKeyId` set (the foundation's `secrets` key), never the AWS managed
 * `aws/secretsmanager` key, whose policy the account cannot restrict and which cannot be shared.
 */
export const secretsEncryptedCmk: ResourceValidationPolicy = {
    name: "aws-secrets-encrypted-cmk",
    description: "Secrets Manager secrets are encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_149: "Ensure that Secrets Manager secret is encrypted using KMS CMK" }),
    tags: seedTags("000", "002", "003"),
    remediationSteps: "Set kmsKeyId to the foundation's secrets key ARN.",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.secretsmanagerSecret], (props, args, reportViolation) => {
        const key = asNonEmptyString(props["kmsKeyId"]);
        if (key === undefined) {
            reportViolation(`Secrets Manager secret ${args.name} sets no kmsKeyId (the AWS managed key); set kmsKeyId to the secrets key.`);
        } else if (key === SECRETS_MANAGER_AWS_KEY || key.endsWith(`:${SECRETS_MANAGER_AWS_KEY}`)) {
            reportViolation(`Secrets Manager secret ${args.name} uses the AWS managed key ${key}; set kmsKeyId to the secrets key.`);
        }
    }),
};
