import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * AWS Backup vaults encrypt recovery points with a customer-managed KMS key (CKV_AWS_166): unset,
 * the vault uses the AWS-managed aws/backup key, whose policy cannot restrict who restores, and
 * copies to another account or region cannot be shared. The platform uses the foundation's
 * backups key.
 */
export const backupVaultCmk: ResourceValidationPolicy = {
    name: "aws-backup-vault-cmk",
    description: "AWS Backup vaults encrypt with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_166: "Ensure Backup Vault is encrypted at rest using KMS CMK" }),
    remediationSteps:
        "Set kmsKeyArn on the aws.backup.Vault to a customer-managed key (the foundation's backups key); a vault's key cannot change: create a new vault.",
    url: "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.backupVault], (props, args, reportViolation) => {
        if (asNonEmptyString(props["kmsKeyArn"]) === undefined) {
            reportViolation(
                `backup vault ${args.name} does not set kmsKeyArn, so it uses the AWS-managed aws/backup key; set a customer-managed key.`,
            );
        }
    }),
};
