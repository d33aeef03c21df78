import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Engines whose instances take their snapshots at the cluster level (Checkov skips them too). */
const CLUSTER_ENGINES = ["neptune", "aurora", "docdb"];

/**
 * RDS instances copy their tags to snapshots (CKV2_AWS_60): a snapshot without the ownership tags
 * has no owner or cost center, and escapes AWS Backup selections and cleanup that go by tag. Unset
 * is off. Instances of cluster engines (Aurora, Neptune, DocumentDB) are not applicable.
 */
export const rdsCopyTagsToSnapshot: ResourceValidationPolicy = {
    name: "aws-rds-copy-tags-to-snapshot",
    description: "RDS instances copy their tags to snapshots.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV2_AWS_60: "Ensure RDS instance with copy tags to snapshots is enabled" }),
    remediationSteps: "Set copyTagsToSnapshot: true on the instance.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance], (props, args, reportViolation) => {
        if (CLUSTER_ENGINES.includes(asString(props["engine"]) ?? "")) args.notApplicable("snapshots are taken by the cluster");
        if (props["copyTagsToSnapshot"] !== true) {
            reportViolation(`RDS ${args.name} does not copy its tags to snapshots; set copyTagsToSnapshot: true.`);
        }
    }),
};
