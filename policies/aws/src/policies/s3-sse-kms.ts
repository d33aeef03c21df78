import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, asString, awsTags, checkov, type Props, resourceLabel } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { s3Buckets, settingsOf } from "../s3.js";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/**
 * Tag (and value) of a bucket Elastic Load Balancing writes access logs to: ALB log delivery
 * supports only SSE-S3 (AES256), so such a bucket must use exactly that instead of a KMS key.
 */
export const LOG_DELIVERY_TAG = "log-delivery";
export const ELB_ACCESS_LOGS = "elb-access-logs";

/** The default-encryption rules of a configuration (separate resource or legacy inline). */
function defaults(rules: unknown): Props[] {
    return (asArray(rules) ?? []).map((r) => asRecord(asRecord(r)?.["applyServerSideEncryptionByDefault"]) ?? {});
}

/**
 * Every S3 bucket encrypts by default with a customer-managed KMS key (CKV_AWS_145): SSE-KMS
 * (`aws:kms` or `aws:kms:dsse`) with a `kmsMasterKeyId`, not S3-managed AES256 keys and not the
 * AWS-managed aws/s3 key. Through `aws.s3.BucketServerSideEncryptionConfiguration` or the legacy
 * inline configuration. One exception: a bucket tagged `log-delivery: elb-access-logs` (load
 * balancer access logs, which ELB can write only with SSE-S3) must encrypt with AES256.
 *
 * So every bucket has a default encryption of `aws:kms` or `AES256` (CKV_AWS_19, data encrypted
 * at rest), and no bucket is left without one. Both checks also accept only `aws:kms` where this
 * accepts `aws:kms:dsse` too (dual-layer SSE-KMS, newer than the checks).
 */
export const s3SseKms: StackValidationPolicy = {
    name: "aws-s3-sse-kms",
    description: "S3 buckets encrypt by default with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_145: "Ensure that S3 buckets are encrypted with KMS by default",
        CKV_AWS_19: "Ensure all data stored in the S3 bucket is securely encrypted at rest",
    }),
    remediationSteps:
        'Add an aws.s3.BucketServerSideEncryptionConfiguration with applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: <key ARN> } and bucketKeyEnabled: true.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    validateStack: (args, reportViolation) => {
        for (const bucket of s3Buckets(args.resources)) {
            // The legacy inline form: serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault } }.
            const legacyRule = asRecord(bucket.props["serverSideEncryptionConfiguration"])?.["rule"];
            const inline = legacyRule === undefined ? [] : defaults([legacyRule]);
            const configured = [
                ...inline,
                ...settingsOf(bucket, args.resources, AWS_TYPES.s3BucketServerSideEncryptionConfiguration).flatMap((c) =>
                    defaults(c.props["rules"]),
                ),
            ];
            if (awsTags(bucket)[LOG_DELIVERY_TAG] === ELB_ACCESS_LOGS) {
                if (configured.length > 0 && configured.every((d) => asString(d["sseAlgorithm"]) === "AES256")) continue;
                reportViolation(
                    `S3 bucket ${resourceLabel(bucket)} is tagged ${LOG_DELIVERY_TAG}: ${ELB_ACCESS_LOGS} but ${configured.length === 0 ? "has no default encryption configuration" : "does not encrypt with AES256 only"}; load balancer access logs need sseAlgorithm "AES256" (SSE-S3).`,
                    bucket.urn,
                );
                continue;
            }
            const kms = configured.filter((d) => KMS_ALGORITHMS.includes(asString(d["sseAlgorithm"]) ?? ""));
            if (kms.some((d) => asNonEmptyString(d["kmsMasterKeyId"]) !== undefined)) continue;
            const state =
                configured.length === 0
                    ? "has no default encryption configuration (S3-managed AES256 keys)"
                    : kms.length === 0
                      ? `encrypts with ${configured.map((d) => asString(d["sseAlgorithm"]) ?? "an unset algorithm").join(", ")}`
                      : "encrypts with the AWS-managed aws/s3 key";
            reportViolation(
                `S3 bucket ${resourceLabel(bucket)} ${state}; encrypt with sseAlgorithm "aws:kms" and a customer-managed kmsMasterKeyId.`,
                bucket.urn,
            );
        }
    },
};
