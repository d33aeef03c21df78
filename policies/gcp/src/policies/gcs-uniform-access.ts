import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Cloud Storage buckets use uniform bucket-level access (CKV_GCP_29): IAM alone decides access, no
 * object ACL can grant more. Unset is fine-grained (ACLs).
 */
export const gcsUniformAccess: ResourceValidationPolicy = {
    name: "gcp-gcs-uniform-access",
    description: "Cloud Storage buckets use uniform bucket-level access.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_29: "Ensure that Cloud Storage buckets have uniform bucket-level access enabled" }),
    remediationSteps: "Set uniformBucketLevelAccess: true and grant access with IAM on the bucket.",
    url: "https://cloud.google.com/storage/docs/uniform-bucket-level-access",
    validateResource: validateResourceOfTypes([GCP_TYPES.storageBucket], (props, args, reportViolation) => {
        if (props["uniformBucketLevelAccess"] !== true) {
            const state =
                props["uniformBucketLevelAccess"] === undefined
                    ? "does not set uniformBucketLevelAccess"
                    : "sets uniformBucketLevelAccess: false";
            reportViolation(`bucket ${args.name} ${state}, so object ACLs can grant access; set it to true.`);
        }
    }),
};
