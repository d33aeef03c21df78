import type { StackValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, checkov, resourceLabel, seedTags } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { s3Buckets, settingsOf } from "../s3.js";

/**
 * Every S3 bucket is versioned (CKV_AWS_21; seed 001 "Versioning + Lifecycle"): an overwritten or
 * deleted object stays restorable as a noncurrent version. Through `aws.s3.BucketVersioning`
 * with status `Enabled`, or the legacy inline `versioning: { enabled: true }`.
 */
export const s3Versioning: StackValidationPolicy = {
    name: "aws-s3-versioning",
    description: "S3 buckets have versioning enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_21: "Ensure all data stored in the S3 bucket have versioning enabled" }),
    tags: seedTags("001"),
    remediationSteps:
        'Add an aws.s3.BucketVersioning for the bucket with versioningConfiguration: { status: "Enabled" }, and a lifecycle that expires noncurrent versions.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            const inline = asRecord(bucket.props["versioning"])?.["enabled"] === true;
            const statuses = settingsOf(bucket, args.resources, AWS_TYPES.s3BucketVersioning).map((v) =>
                asString(asRecord(v.props["versioningConfiguration"])?.["status"]),
            );
            if (inline || statuses.includes("Enabled")) continue;
            const state = statuses.length === 0 ? "has no versioning configuration" : `has versioning ${statuses.join(", ")}`;
            reportViolation(
                `S3 bucket ${resourceLabel(bucket)} ${state}; add an aws.s3.BucketVersioning with status "Enabled".`,
                bucket.urn,
            );
        }
    },
};
