import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Cloud Storage buckets enforce public access prevention (CKV_GCP_114): no IAM binding or ACL can
 * make them public. Unset (`inherited`) follows the organization policy, which the platform does
 * not assume.
 */
export const gcsPublicAccessPrevention: ResourceValidationPolicy = {
    name: "gcp-gcs-public-access-prevention",
    description: "Cloud Storage buckets enforce public access prevention.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_GCP_114: "Ensure public access prevention is enforced on Cloud Storage bucket" }),
    remediationSteps: 'Set publicAccessPrevention: "enforced".',
    url: "https://cloud.google.com/storage/docs/public-access-prevention",
    validateResource: validateResourceOfTypes([GCP_TYPES.storageBucket], (props, args, reportViolation) => {
        const value = asString(props["publicAccessPrevention"]);
        if (value !== "enforced") {
            reportViolation(
                `bucket ${args.name} ${value === undefined ? "does not set publicAccessPrevention" : `sets publicAccessPrevention: ${value}`}; set it to "enforced".`,
            );
        }
    }),
};
