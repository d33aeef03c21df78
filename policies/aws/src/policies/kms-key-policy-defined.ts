import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * KMS keys have a key policy of their own (CKV2_AWS_64): on the key (`policy`) or as an
 * `aws.kms.KeyPolicy` naming it. Without one AWS applies its default policy, which gives the whole
 * account (every IAM principal allowed kms:* by an identity policy) full use and administration of
 * the key, instead of the services and roles the key serves. aws-kms-policy checks what the policy
 * says.
 */
export const kmsKeyPolicyDefined: StackValidationPolicy = {
    name: "aws-kms-key-policy-defined",
    description: "KMS keys have an explicit key policy.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_64: "Ensure KMS key Policy is defined" }),
    remediationSteps:
        "Set policy on the aws.kms.Key (the platform's AwsKmsKeys writes one per purpose: the account root, the key administrators and the service that uses the key), or add an aws.kms.KeyPolicy for it.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html",
    validateStack: (args, reportViolation) => {
        const policies = resourcesOfTypes(args.resources, AWS_TYPES.kmsKeyPolicy);
        for (const key of resourcesOfTypes(args.resources, AWS_TYPES.kmsKey)) {
            const policy: unknown = key.props["policy"];
            if (policy !== undefined && policy !== "") continue;
            if (policies.some((p) => referencedResources(p, "keyId", [key]).length > 0)) continue;
            reportViolation(
                `KMS key ${resourceLabel(key)} has no key policy, so AWS's default gives the whole account its use; set policy on the key or add an aws.kms.KeyPolicy.`,
                key.urn,
            );
        }
    },
};
