import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, resourceLabel } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { s3Buckets, settingsOf } from "../s3.js";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/**
 * Every S3 bucket has a public access block with all four flags on (CKV2_AWS_6; CKV_AWS_53 to 56,
 * one per flag): no public ACL can be set or honoured, no public policy attached, whatever the
 * account settings say. A stack policy: the block is a separate resource naming the bucket. A
 * missing block is reported on the bucket, a flag off or unset on the block (where Checkov reports
 * it).
 */
export const s3PublicAccessBlock: StackValidationPolicy = {
    name: "aws-s3-public-access-block",
    description: "S3 buckets block all public access.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV2_AWS_6: "Ensure that S3 bucket has a Public Access block",
        CKV_AWS_53: "Ensure S3 bucket has block public ACLS enabled",
        CKV_AWS_54: "Ensure S3 bucket has block public policy enabled",
        CKV_AWS_55: "Ensure S3 bucket has ignore public ACLs enabled",
        CKV_AWS_56: "Ensure S3 bucket has 'restrict_public_buckets' enabled",
    }),
    remediationSteps:
        "Add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            const blocks = settingsOf(bucket, args.resources, AWS_TYPES.s3BucketPublicAccessBlock);
            if (blocks.length === 0) {
                reportViolation(
                    `S3 bucket ${resourceLabel(bucket)} has no public access block; add an aws.s3.BucketPublicAccessBlock with all four flags true.`,
                    bucket.urn,
                );
                continue;
            }
            for (const block of blocks) {
                const off = FLAGS.filter((flag) => block.props[flag] !== true);
                if (off.length > 0) {
                    reportViolation(
                        `S3 bucket ${resourceLabel(bucket)}'s public access block ${block.name} leaves ${off.join(", ")} off; set them to true.`,
                        block.urn,
                    );
                }
            }
        }
    },
};
