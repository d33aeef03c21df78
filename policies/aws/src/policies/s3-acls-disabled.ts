import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { s3Buckets } from "../s3.js";

/** Canned ACLs that grant the public (or every AWS account) access to the objects. */
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read", "website"];

/**
 * S3 access control lists stay off (CKV_AWS_20, CKV_AWS_57, CKV2_AWS_65): no bucket sets a canned
 * ACL that grants the public or every AWS account (public-read, public-read-write,
 * authenticated-read), and ownership controls, where a stack sets them, are `BucketOwnerEnforced`,
 * which disables ACLs altogether so access is decided by policies only. A bucket without
 * ownership controls has ACLs disabled by default (S3's default since April 2023).
 */
export const s3AclsDisabled: StackValidationPolicy = {
    name: "aws-s3-acls-disabled",
    description: "S3 buckets grant nothing through ACLs: no public canned ACL, ownership BucketOwnerEnforced.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_20: "S3 Bucket has an ACL defined which allows public READ access.",
        CKV_AWS_57: "S3 Bucket has an ACL defined which allows public WRITE access.",
        CKV2_AWS_65: "Ensure access control lists for S3 buckets are disabled",
    }),
    remediationSteps:
        'Remove the bucket\'s acl (or set "private"), and set the aws.s3.BucketOwnershipControls rule objectOwnership to "BucketOwnerEnforced"; grant access with the bucket policy.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            const acl = asString(bucket.props["acl"]);
            if (acl !== undefined && PUBLIC_ACLS.includes(acl)) {
                reportViolation(
                    `S3 bucket ${resourceLabel(bucket)} sets the canned ACL ${acl}; remove it (ACLs stay disabled).`,
                    bucket.urn,
                );
            }
        }
        for (const controls of resourcesOfTypes(args.resources, AWS_TYPES.s3BucketOwnershipControls)) {
            const rules = asArray(controls.props["rule"]) ?? [controls.props["rule"]];
            const ownership = rules.map((r) => asString(asRecord(r)?.["objectOwnership"])).find((o) => o !== undefined);
            if (ownership !== "BucketOwnerEnforced") {
                reportViolation(
                    `S3 ownership controls ${resourceLabel(controls)} set objectOwnership ${ownership ?? "unset"}, which keeps ACLs on; set it to "BucketOwnerEnforced".`,
                    controls.urn,
                );
            }
        }
    },
};
