/**
 * The CloudTrail bucket's policy and lifecycle as pure functions: CloudTrail of this account may
 * read the bucket ACL and write log files (only for the one trail, `aws:SourceArn`); nobody may use
 * plain HTTP or TLS older than 1.2.
 */
import type { IamDocument, IamStatement } from "../identity/aws-deploy-policy.js";

/**
 * The two statements every platform bucket policy ends with: deny any request over plain HTTP and
 * any over TLS older than 1.2, on the bucket and its objects.
 */
export function s3TlsOnlyStatements(bucketArn: string): IamStatement[] {
    const everything = [bucketArn, `${bucketArn}/*`];
    return [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: everything,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyOldTls",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: everything,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
}

export function trailBucketPolicy(args: { bucketArn: string; trailArn: string; accountId: string; partition: string }): IamDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: args.bucketArn,
                Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${args.bucketArn}/AWSLogs/${args.accountId}/*`,
                Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
            },
            ...s3TlsOnlyStatements(args.bucketArn),
        ],
    };
}

/** Days before audit logs move to Glacier Instant Retrieval (rarely read after the first quarter). */
export const AUDIT_ARCHIVE_AFTER_DAYS = 90;

/** Lifecycle of the trail bucket: archive after 90 days, expire after the retention, clean up versions and uploads. */
export function trailLifecycleRules(retentionDays: number) {
    return [
        {
            id: "archive-then-expire",
            status: "Enabled",
            filter: {},
            transitions: retentionDays > AUDIT_ARCHIVE_AFTER_DAYS ? [{ days: AUDIT_ARCHIVE_AFTER_DAYS, storageClass: "GLACIER_IR" }] : [],
            expiration: { days: retentionDays },
        },
        { id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
        { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
    ];
}
