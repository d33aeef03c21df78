import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Kubernetes secrets are envelope-encrypted with a customer-managed KMS key (CKV_AWS_58, seeds
 * 000/002/003 "secrets encrypted at rest"): without it, secrets in etcd are protected only by
 * EKS's own disk encryption, and nobody can revoke access to them by disabling a key.
 * `encryptionConfig` is one block (provider v7) or a list of one.
 */
export const eksSecretsEncrypted: ResourceValidationPolicy = {
    name: "aws-eks-secrets-encrypted",
    description: "EKS clusters envelope-encrypt Kubernetes secrets with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_58: "Ensure EKS Cluster has Secrets Encryption Enabled" }),
    remediationSteps:
        'Set encryptionConfig: { resources: ["secrets"], provider: { keyArn: <customer-managed KMS key ARN> } } on the cluster (the platform uses the foundation\'s secrets key).',
    url: "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.eksCluster], (props, args, reportViolation) => {
        const raw = props["encryptionConfig"];
        const config = asRecord(asArray(raw)?.[0] ?? raw);
        const fix = 'set encryptionConfig: { resources: ["secrets"], provider: { keyArn: <customer-managed KMS key ARN> } }';
        if (config === undefined) {
            reportViolation(
                `EKS cluster ${args.name} does not set encryptionConfig, so Kubernetes secrets are not envelope-encrypted; ${fix}.`,
            );
            return;
        }
        const resources = asArray(config["resources"]) ?? [];
        if (!resources.includes("secrets")) {
            reportViolation(`EKS cluster ${args.name} has an encryptionConfig that does not cover secrets; ${fix}.`);
        }
        if (asNonEmptyString(asRecord(config["provider"])?.["keyArn"]) === undefined) {
            reportViolation(`EKS cluster ${args.name} has an encryptionConfig without a KMS key (provider.keyArn); ${fix}.`);
        }
    }),
};
