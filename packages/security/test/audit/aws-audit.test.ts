import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    AwsAuditTrail,
    type AwsAuditTrailArgs,
    AwsThreatDetection,
    trailBucketPolicy,
    trailDeliveryPolicy,
    trailDeliveryTrustPolicy,
    trailLifecycleRules,
} from "../../src/index.js";

const naming = { project: "acme", environment: "prod" };
const KEY = "arn:aws:kms:us-east-1:111111111111:key/logs";
const base: AwsAuditTrailArgs = { naming, kmsKeyArn: KEY, logGroupRetentionDays: 90 };
const BUCKET = "acme-prod-audit-111111111111-us-east-1-an";
const TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-prod-audit-trail";

async function synth(program: () => void): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program })).resources;
}
const trail = (args: AwsAuditTrailArgs, opts?: pulumi.ComponentResourceOptions) => synth(() => void new AwsAuditTrail("audit", args, opts));

describe("AwsAuditTrail", () => {
    it("a multi-region, validated, KMS-encrypted trail into a hardened bucket; no Object Lock by default", async () => {
        const resources = await trail(base);
        assert.deepEqual(
            resources
                .filter((r) => r.custom)
                .map((r) => r.type.split(":")[1])
                .sort(),
            [
                "cloudtrail/trail",
                "cloudwatch/logGroup",
                "iam/role",
                "iam/rolePolicy",
                "s3/bucket",
                "s3/bucketLifecycleConfiguration",
                "s3/bucketOwnershipControls",
                "s3/bucketPolicy",
                "s3/bucketPublicAccessBlock",
                "s3/bucketServerSideEncryptionConfiguration",
                "s3/bucketVersioning",
            ],
        );
        const t = findResource(resources, "aws:cloudtrail/trail:Trail", "audit-trail");
        assert.deepEqual(
            [
                "name",
                "s3BucketName",
                "isMultiRegionTrail",
                "includeGlobalServiceEvents",
                "enableLogFileValidation",
                "enableLogging",
                "kmsKeyId",
            ].map((k) => t.inputs[k]),
            ["acme-prod-audit-trail", BUCKET, true, true, true, true, KEY],
        );
        const bucket = findResource(resources, "aws:s3/bucket:Bucket", "audit-logs");
        assert.deepEqual(
            [bucket.inputs["bucket"], bucket.inputs["objectLockEnabled"], bucket.inputs["forceDestroy"]],
            [BUCKET, false, false],
        );
        assert.deepEqual(findResource(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "audit-logs").inputs, {
            bucket: BUCKET,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepEqual(
            findResource(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "audit-logs")
                .inputs["rules"],
            [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }],
        );
        assert.deepEqual(
            JSON.parse(String(findResource(resources, "aws:s3/bucketPolicy:BucketPolicy", "audit-logs").inputs["policy"])),
            trailBucketPolicy({ bucketArn: `arn:aws:s3:::${BUCKET}`, trailArn: TRAIL_ARN, accountId: "111111111111", partition: "aws" }),
        );
        assert.deepEqual(
            findResource(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "audit-logs").inputs["rules"],
            trailLifecycleRules(365),
        );
    });

    it("delivers events to a KMS-encrypted log group with the given retention, through a role only this trail may assume and that may only write there", async () => {
        const resources = await trail(base);
        const group = findResource(resources, "aws:cloudwatch/logGroup:LogGroup", "audit-trail-events");
        assert.deepEqual(
            [group.inputs["name"], group.inputs["retentionInDays"], group.inputs["kmsKeyId"]],
            ["/platform/acme-prod-audit-trail/events", 90, KEY],
        );
        const role = findResource(resources, "aws:iam/role:Role", "audit-trail-events");
        assert.deepEqual(
            JSON.parse(String(role.inputs["assumeRolePolicy"])),
            trailDeliveryTrustPolicy({ trailArn: TRAIL_ARN, accountId: "111111111111" }),
        );
        assert.deepEqual(trailDeliveryTrustPolicy({ trailArn: TRAIL_ARN, accountId: "111111111111" }), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN, "aws:SourceAccount": "111111111111" } },
                },
            ],
        });
        const rolePolicy = findResource(resources, "aws:iam/rolePolicy:RolePolicy", "audit-trail-events");
        assert.equal(rolePolicy.inputs["role"], role.id);
        const groupArn = String(group.outputs["arn"]);
        assert.deepEqual(JSON.parse(String(rolePolicy.inputs["policy"])), trailDeliveryPolicy(groupArn));
        assert.deepEqual(trailDeliveryPolicy("arn:aws:logs:us-east-1:111111111111:log-group:g"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DeliverTrailEvents",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: "arn:aws:logs:us-east-1:111111111111:log-group:g:log-stream:*",
                },
            ],
        });
        const t = findResource(resources, "aws:cloudtrail/trail:Trail", "audit-trail");
        assert.deepEqual([t.inputs["cloudWatchLogsGroupArn"], t.inputs["cloudWatchLogsRoleArn"]], [`${groupArn}:*`, role.outputs["arn"]]);
        assert.ok(t.dependencies.includes(rolePolicy.urn), "the trail waits for the role's permissions");
    });

    it("the bucket policy: CloudTrail of the one trail writes under AWSLogs/<account>; no plain HTTP, no TLS below 1.2", () => {
        const doc = trailBucketPolicy({ bucketArn: "arn:aws:s3:::b", trailArn: TRAIL_ARN, accountId: "111111111111", partition: "aws" });
        assert.deepEqual(doc.Statement, [
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: "arn:aws:s3:::b",
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: "arn:aws:s3:::b/AWSLogs/111111111111/*",
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "s3:*",
                Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "DenyOldTls",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "s3:*",
                Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
            },
        ]);
    });

    it("lifecycle: Glacier IR after 90 days only when kept longer, expiry at the retention", () => {
        assert.deepEqual(trailLifecycleRules(365)[0], {
            id: "archive-then-expire",
            status: "Enabled",
            filter: {},
            transitions: [{ days: 90, storageClass: "GLACIER_IR" }],
            expiration: { days: 365 },
        });
        assert.deepEqual(trailLifecycleRules(90)[0]?.transitions, []);
    });

    it("Object Lock (governance or compliance) locks every log file for the retention", async () => {
        for (const mode of ["governance", "compliance"] as const) {
            const resources = await trail({ ...base, objectLock: mode, retentionDays: 400 });
            assert.equal(findResource(resources, "aws:s3/bucket:Bucket", "audit-logs").inputs["objectLockEnabled"], true);
            assert.deepEqual(
                findResource(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "audit-logs").inputs["rule"],
                {
                    defaultRetention: { mode: mode.toUpperCase(), days: 400 },
                },
            );
        }
    });

    it("protected: the trail, its bucket and its log group are protected and retained; the settings are protected only", async () => {
        const resources = await trail(base, { protect: true });
        assert.deepEqual(
            resources.filter((r) => r.custom && r.retainOnDelete).map((r) => r.type),
            ["aws:cloudwatch/logGroup:LogGroup", "aws:s3/bucket:Bucket", "aws:cloudtrail/trail:Trail"],
        );
        assert.ok(resources.filter((r) => r.custom).every((r) => r.protect));
        assert.ok((await trail(base)).every((r) => !r.protect && !r.retainOnDelete));
    });

    it("rejects a retention under 90 days, an unknown lock mode and a log group retention CloudWatch Logs does not offer", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(trail({ ...base, retentionDays: 30, objectLock: "forever" as never, logGroupRetentionDays: 100 })),
            ),
            [
                ["retentionDays", "must be a whole number from 90 to 3650"],
                ["objectLock", "is not an allowed value"],
                ["logGroupRetentionDays", "is not a retention CloudWatch Logs accepts"],
            ],
        );
    });
});

describe("AwsThreatDetection", () => {
    it("GuardDuty publishing every 15 minutes with three protection plans; Security Hub with FSBP and CIS 3.0", async () => {
        const resources = await synth(() => void new AwsThreatDetection("detection", { naming }, { protect: true }));
        const detector = findResource(resources, "aws:guardduty/detector:Detector", "detection-guardduty");
        assert.deepEqual(detector.inputs, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
        assert.deepEqual(
            ofType(resources, "aws:guardduty/detectorFeature:DetectorFeature").map((f) => [
                f.inputs["name"],
                f.inputs["status"],
                f.inputs["detectorId"] === detector.id,
            ]),
            [
                ["S3_DATA_EVENTS", "ENABLED", true],
                ["EKS_AUDIT_LOGS", "ENABLED", true],
                ["RDS_LOGIN_EVENTS", "ENABLED", true],
            ],
        );
        assert.deepEqual(findResource(resources, "aws:securityhub/account:Account", "detection-securityhub").inputs, {
            enableDefaultStandards: false,
            autoEnableControls: true,
            controlFindingGenerator: "SECURITY_CONTROL",
        });
        assert.deepEqual(
            ofType(resources, "aws:securityhub/standardsSubscription:StandardsSubscription").map((s) => s.inputs["standardsArn"]),
            [
                "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
            ],
        );
        assert.deepEqual(
            resources.filter((r) => r.custom && r.retainOnDelete).map((r) => r.type),
            ["aws:guardduty/detector:Detector", "aws:securityhub/account:Account"],
        );
    });
});
