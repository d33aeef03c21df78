import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** Cloud Storage buckets keep object versions (CKV_GCP_78): an overwritten or deleted object stays restorable. Unset is off. */
export const gcsVersioning: ResourceValidationPolicy = {
    name: "gcp-gcs-versioning",
    description: "Cloud Storage buckets have versioning enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_78: "Ensure Cloud storage has versioning enabled" }),
    remediationSteps:
        "Set versioning: { enabled: true } and a lifecycle rule that deletes noncurrent versions after the retention (daysSinceNoncurrentTime).",
    url: "https://cloud.google.com/storage/docs/object-versioning",
    validateResource: validateResourceOfTypes([GCP_TYPES.storageBucket], (props, args, reportViolation) => {
        if (asRecord(props["versioning"])?.["enabled"] !== true) {
            reportViolation(`bucket ${args.name} does not keep object versions; set versioning: { enabled: true }.`);
        }
    }),
};
