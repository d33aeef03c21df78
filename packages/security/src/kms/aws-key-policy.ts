/**
 * Key policies for customer-managed KMS keys, as pure functions. No statement uses a wildcard
 * principal: the account root statement delegates to IAM (so access is granted by IAM policies,
 * auditable in one place) and service principals are scoped by an encryption-context condition.
 */
import type { KeyPurpose } from "./purposes.js";

export interface KeyPolicyContext {
    readonly partition: string;
    readonly accountId: string;
    readonly region: string;
    readonly purpose: KeyPurpose;
    /** Extra IAM principals allowed to administer (not use) the key, e.g. a break-glass role. */
    readonly adminArns?: readonly string[];
}

export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal: { readonly AWS?: string | readonly string[]; readonly Service?: string };
    readonly Action: string | readonly string[];
    readonly Resource: string;
    readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

const KEY_ADMIN_ACTIONS = [
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
] as const;

/** Builds the key policy document for one purpose. */
export function awsKeyPolicyDocument(ctx: KeyPolicyContext): PolicyDocument {
    const root = `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
    const statements: PolicyStatement[] = [
        {
            Sid: "EnableIamPolicies",
            Effect: "Allow",
            Principal: { AWS: root },
            Action: "kms:*",
            Resource: "*",
        },
    ];
    if (ctx.adminArns && ctx.adminArns.length > 0) {
        statements.push({
            Sid: "KeyAdministrators",
            Effect: "Allow",
            Principal: { AWS: [...ctx.adminArns] },
            Action: [...KEY_ADMIN_ACTIONS],
            Resource: "*",
        });
    }
    if (ctx.purpose === "logs") {
        // CloudWatch Logs encrypts log groups with the key only in this account and region.
        statements.push({
            Sid: "AllowCloudWatchLogs",
            Effect: "Allow",
            Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:*` },
            },
        });
        // CloudTrail encrypts the account's trail log files (the security layer's audit trail), only for trails of this account.
        statements.push(
            {
                Sid: "AllowCloudTrailEncrypt",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:GenerateDataKey*",
                Resource: "*",
                Condition: {
                    StringLike: {
                        "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${ctx.partition}:cloudtrail:*:${ctx.accountId}:trail/*`,
                    },
                },
            },
            {
                Sid: "AllowCloudTrailDescribe",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "kms:DescribeKey",
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
            },
            // CloudWatch alarms publish to the alarm topics encrypted with this key (@platform/observability):
            // without it every notification fails silently. Only alarms of this account.
            {
                Sid: "AllowCloudWatchAlarms",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": ctx.accountId } },
            },
        );
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** The policy as the JSON string `aws.kms.Key.policy` takes. */
export function awsKeyPolicy(ctx: KeyPolicyContext): string {
    return JSON.stringify(awsKeyPolicyDocument(ctx));
}
