/**
 * The account's audit trail (seed 003 "audit logging", issue 12): a multi-region CloudTrail with
 * log file validation and global service events, encrypted with the foundation's `logs` key, into
 * a bucket with all public access blocked, ACLs disabled, versioning, SSE-KMS, a TLS-only policy, a
 * lifecycle and, when asked, S3 Object Lock (write-once log files). The trail also delivers its
 * events to a CloudWatch log group (encrypted with the same key, kept the profile's log retention),
 * through a role CloudTrail of this trail alone may assume and that may only write to that group:
 * metric filters and alarms on API activity need the events there (CIS 3.4 to 3.14); the bucket
 * stays the record kept for the audit window.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    accountRegionalBucketName,
    checkLogRetentionDays,
    checkOneOf,
    checkWholeNumber,
    type ComponentNaming,
    type Issue,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
    PlatformComponent,
} from "@platform/core";
import { trailBucketPolicy, trailLifecycleRules } from "./aws-trail-bucket-policy.js";

export interface AwsAuditTrailArgs {
    readonly naming: ComponentNaming;
    /** The foundation's `logs` key (its policy lets CloudTrail encrypt with it). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Days log files are kept (and locked, with Object Lock). A year covers the usual audit window
     * (CIS, PCI DSS 10.5.1) at Glacier IR prices after 90 days.
     * @default 365
     */
    readonly retentionDays?: number;
    /**
     * S3 Object Lock on the log files (`platform:security.auditObjectLock`): `governance` or
     * `compliance` retention of `retentionDays`, so a compromised administrator cannot erase
     * their tracks. Fixed when the bucket is created.
     * @default "none"
     */
    readonly objectLock?: ObjectLockMode;
    /**
     * Days the trail's CloudWatch Logs copy keeps events (a CloudWatch Logs retention value): the
     * environment profile's `logRetentionDays`, like the platform's other service logs. Queries and
     * alarms need recent events; the bucket keeps every event `retentionDays`.
     */
    readonly logGroupRetentionDays: number;
}

/** Protection: pass `{ protect: true }` (prod and dr do): the trail and its bucket are protected and retained. */
export class AwsAuditTrail extends PlatformComponent {
    readonly trailArn: pulumi.Output<string>;
    readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: AwsAuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsAuditTrail", name, args.naming, opts);
        const retentionDays = args.retentionDays ?? 365;
        const objectLock = args.objectLock ?? "none";
        this.validate(validateAwsAuditTrailArgs(retentionDays, objectLock, args.logGroupRetentionDays));
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const trailName = this.physicalName("trail");
        const bucketPrefix = this.physicalPrefix;

        const bucket = new aws.s3.Bucket(
            this.childName("logs"),
            {
                bucket: pulumi.all([accountId, region]).apply(([account, r]) => accountRegionalBucketName(bucketPrefix, account, r)),
                bucketNamespace: "account-regional",
                objectLockEnabled: objectLock !== "none",
                forceDestroy: false,
            },
            this.statefulOptions(),
        );
        const ownership = new aws.s3.BucketOwnershipControls(
            this.childName("logs"),
            { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
            this.childOptions(),
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            this.childName("logs"),
            { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            this.childOptions(),
        );
        const versioning = new aws.s3.BucketVersioning(
            this.childName("logs"),
            { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } },
            this.childOptions(),
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            this.childName("logs"),
            {
                bucket: bucket.bucket,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            this.childOptions(),
        );
        new aws.s3.BucketLifecycleConfiguration(
            this.childName("logs"),
            { bucket: bucket.bucket, rules: trailLifecycleRules(retentionDays) },
            this.childOptions({ dependsOn: [versioning] }),
        );
        if (objectLock !== "none") {
            new aws.s3.BucketObjectLockConfiguration(
                this.childName("logs"),
                {
                    bucket: bucket.bucket,
                    objectLockEnabled: "Enabled",
                    rule: { defaultRetention: { mode: objectLock.toUpperCase(), days: retentionDays } },
                },
                this.childOptions({ dependsOn: [versioning] }),
            );
        }
        const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${accountId}:trail/${trailName}`;
        const policy = new aws.s3.BucketPolicy(
            this.childName("logs"),
            {
                bucket: bucket.bucket,
                policy: pulumi
                    .all([bucket.arn, trailArn, accountId, partition])
                    .apply(([bucketArn, arn, account, p]) =>
                        JSON.stringify(trailBucketPolicy({ bucketArn, trailArn: arn, accountId: account, partition: p })),
                    ),
            },
            this.childOptions({ dependsOn: [publicAccess, ownership] }),
        );
        const delivery = this.cloudWatchDelivery(trailName, trailArn, accountId, args);
        const trail = new aws.cloudtrail.Trail(
            this.childName("trail"),
            {
                name: trailName,
                s3BucketName: bucket.bucket,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                kmsKeyId: args.kmsKeyArn,
                // CloudTrail takes the group's ARN with the log-stream wildcard.
                cloudWatchLogsGroupArn: pulumi.interpolate`${delivery.logGroup.arn}:*`,
                cloudWatchLogsRoleArn: delivery.role.arn,
            },
            this.statefulOptions({ dependsOn: [policy, delivery.rolePolicy] }),
        );
        this.trailArn = trail.arn;
        this.bucketName = bucket.bucket;
        this.complete("trailArn", "bucketName");
    }

    /**
     * The trail's CloudWatch Logs destination: the KMS-encrypted group, and the role CloudTrail
     * assumes to write to it. Trust only for this trail of this account (aws:SourceArn and
     * aws:SourceAccount: no other trail can use the role); permissions only to create streams in
     * and put events into this group.
     */
    private cloudWatchDelivery(
        trailName: string,
        trailArn: pulumi.Output<string>,
        accountId: pulumi.Output<string>,
        args: AwsAuditTrailArgs,
    ): { logGroup: aws.cloudwatch.LogGroup; role: aws.iam.Role; rolePolicy: aws.iam.RolePolicy } {
        const logGroup = new aws.cloudwatch.LogGroup(
            this.childName("trail-events"),
            {
                name: `/platform/${trailName}/events`,
                retentionInDays: args.logGroupRetentionDays,
                kmsKeyId: args.kmsKeyArn,
                tags: { Name: this.physicalName("trail-events") },
            },
            // A log group is stateful (@platform/facts): retained on delete when protected, like the bucket.
            this.statefulOptions(),
        );
        const role = new aws.iam.Role(
            this.childName("trail-events"),
            {
                name: this.physicalName("trail-events", "iamRole"),
                description: `Lets CloudTrail ${trailName} deliver its events to its CloudWatch log group`,
                assumeRolePolicy: pulumi
                    .all([trailArn, accountId])
                    .apply(([arn, account]) => JSON.stringify(trailDeliveryTrustPolicy({ trailArn: arn, accountId: account }))),
                tags: { Name: this.physicalName("trail-events") },
            },
            this.childOptions(),
        );
        const rolePolicy = new aws.iam.RolePolicy(
            this.childName("trail-events"),
            {
                role: role.id,
                policy: logGroup.arn.apply((arn) => JSON.stringify(trailDeliveryPolicy(arn))),
            },
            this.childOptions(),
        );
        return { logGroup, role, rolePolicy };
    }
}

/** Who may assume the delivery role: CloudTrail, for this trail of this account only (confused-deputy guard). */
export function trailDeliveryTrustPolicy(ctx: { readonly trailArn: string; readonly accountId: string }): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceArn": ctx.trailArn, "aws:SourceAccount": ctx.accountId } },
            },
        ],
    };
}

/** What the delivery role may do: create log streams in, and put events into, the one log group. */
export function trailDeliveryPolicy(logGroupArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DeliverTrailEvents",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${logGroupArn}:log-stream:*`,
            },
        ],
    };
}

/** Every problem with AwsAuditTrail's arguments. */
export function validateAwsAuditTrailArgs(retentionDays: number, objectLock: string, logGroupRetentionDays: number): Issue[] {
    return [
        ...checkWholeNumber("retentionDays", retentionDays, { min: 90, max: 3650 }),
        ...checkOneOf("objectLock", objectLock, OBJECT_LOCK_MODES),
        ...checkLogRetentionDays("logGroupRetentionDays", logGroupRetentionDays),
    ];
}
