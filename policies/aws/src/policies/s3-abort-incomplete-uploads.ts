import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** True when a rule's filter narrows it (a prefix, a size bound, a tag): then it does not cover every upload. */
function narrowed(rule: Record<string, unknown>): boolean {
    const filter = asRecord(rule["filter"]);
    if (filter === undefined) return false;
    const and = asRecord(filter["and"]) ?? filter;
    return ["prefix", "objectSizeGreaterThan", "objectSizeLessThan", "tag", "tags"].some((k) => {
        const v = and[k];
        return v !== undefined && v !== "" && v !== null && !(typeof v === "object" && Object.keys(v).length === 0);
    });
}

/**
 * Every S3 lifecycle configuration aborts incomplete multipart uploads (CKV_AWS_300): the parts of
 * an upload that never completed are invisible in the bucket, are billed as storage, and are kept
 * forever without an enabled rule with `abortIncompleteMultipartUpload` that applies to the whole
 * bucket (no prefix, size or tag filter), as Checkov reads it.
 */
export const s3AbortIncompleteUploads: StackValidationPolicy = {
    name: "aws-s3-abort-incomplete-uploads",
    description: "S3 lifecycle configurations abort incomplete multipart uploads.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV_AWS_300: "Ensure S3 lifecycle configuration sets period for aborting failed uploads" }),
    remediationSteps:
        "Add an enabled rule with no filter (or an empty one) and abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } to the aws.s3.BucketLifecycleConfiguration.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html",
    validateStack: (args, reportViolation) => {
        for (const config of resourcesOfTypes(args.resources, AWS_TYPES.s3BucketLifecycleConfiguration)) {
            const rules = (asArray(config.props["rules"]) ?? []).map((r) => asRecord(r) ?? {});
            const aborts = rules.some(
                (r) => asString(r["status"]) === "Enabled" && asRecord(r["abortIncompleteMultipartUpload"]) !== undefined && !narrowed(r),
            );
            if (!aborts) {
                reportViolation(
                    `S3 lifecycle configuration ${resourceLabel(config)} has no enabled rule for the whole bucket that aborts incomplete multipart uploads; add one with abortIncompleteMultipartUpload: { daysAfterInitiation: 7 }.`,
                    config.urn,
                );
            }
        }
    },
};
