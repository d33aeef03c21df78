import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, checkov, resourceLabel, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { s3Buckets, settingsOf } from "../s3.js";

function enabledRules(rules: unknown, key: "status" | "enabled"): number {
    return (asArray(rules) ?? []).filter((r) => {
        const value = asRecord(r)?.[key];
        return key === "status" ? value === "Enabled" : value === true;
    }).length;
}

/**
 * Every S3 bucket has a lifecycle with at least one enabled rule (CKV2_AWS_61; seed 001
 * "Versioning + Lifecycle"; K5 storage tiering): noncurrent versions expire and old objects move
 * to cheaper classes instead of accumulating forever. Through `aws.s3.BucketLifecycleConfiguration`
 * or the legacy inline `lifecycleRules`.
 */
export const s3Lifecycle: StackValidationPolicy = {
    name: "aws-s3-lifecycle",
    description: "S3 buckets have a lifecycle configuration with an enabled rule.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV2_AWS_61: "Ensure that an S3 bucket has a lifecycle configuration" }),
    tags: seedTags("001"),
    remediationSteps:
        "Add an aws.s3.BucketLifecycleConfiguration for the bucket with enabled rules: expire noncurrent versions, abort incomplete uploads, move old objects to infrequent-access classes.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            const rules =
                enabledRules(bucket.props["lifecycleRules"], "enabled") +
                settingsOf(bucket, args.resources, AWS_TYPES.s3BucketLifecycleConfiguration).reduce(
                    (n, c) => n + enabledRules(c.props["rules"], "status"),
                    0,
                );
            if (rules === 0) {
                reportViolation(
                    `S3 bucket ${resourceLabel(bucket)} has no enabled lifecycle rule; add an aws.s3.BucketLifecycleConfiguration (e.g. expire noncurrent versions).`,
                    bucket.urn,
                );
            }
        }
    },
};
