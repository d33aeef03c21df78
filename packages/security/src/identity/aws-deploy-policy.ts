/**
 * The AWS CI deploy role's documents as pure functions (tests check them statement by statement):
 * the trust policy (GitHub's OIDC provider, exact audience and subject: one repository, one GitHub
 * environment) and the permissions (the services the platform manages, in its regions; IAM only
 * under the environment's name prefix; explicit denies for long-lived credentials and, in
 * production, for switching the audit trail off).
 */
import type { GithubDeploySource } from "@platform/core";
import { AWS_STS_AUDIENCE, GITHUB_OIDC_HOST, githubSubject } from "./github.js";

export interface IamStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: Readonly<Record<string, string>>;
    readonly Action: string | readonly string[];
    readonly Resource?: string | readonly string[];
    readonly NotResource?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface IamDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly IamStatement[];
}

/** The trust policy of a deploy role: only jobs of one repository's GitHub environment, only for STS. */
export function githubDeployTrustPolicy(providerArn: string, source: GithubDeploySource): IamDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "GitHubActionsEnvironment",
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${GITHUB_OIDC_HOST}:aud`]: AWS_STS_AUDIENCE,
                        [`${GITHUB_OIDC_HOST}:sub`]: githubSubject(source),
                    },
                },
            },
        ],
    };
}

/**
 * Services the platform's stacks manage. Each is granted whole (`<service>:*`) because an
 * infrastructure-as-code deployer creates, updates and deletes every resource kind of the service;
 * the request region, the IAM prefix and the denies below are what keep it bounded. IAM, STS and
 * Organizations are not in the list.
 */
export const DEPLOY_SERVICES = [
    "acm",
    "autoscaling",
    "backup",
    "backup-storage",
    "cloudtrail",
    "cloudwatch",
    "ec2",
    "ecr",
    "eks",
    "elasticache",
    "elasticloadbalancing",
    "events",
    "guardduty",
    "kms",
    "logs",
    "mq",
    "rds",
    "route53",
    "s3",
    "secretsmanager",
    "securityhub",
    "sns",
    "sqs",
    "ssm",
    // The platform layer's public edge: its web ACL, association and logging configuration.
    "wafv2",
] as const;

/** IAM actions on the environment's own roles and policies. */
export const DEPLOY_IAM_ACTIONS = [
    "iam:AttachRolePolicy",
    "iam:CreatePolicy",
    "iam:CreatePolicyVersion",
    "iam:CreateRole",
    "iam:DeletePolicy",
    "iam:DeletePolicyVersion",
    "iam:DeleteRole",
    "iam:DeleteRolePolicy",
    "iam:DetachRolePolicy",
    "iam:GetPolicy",
    "iam:GetPolicyVersion",
    "iam:GetRole",
    "iam:GetRolePolicy",
    "iam:ListAttachedRolePolicies",
    "iam:ListInstanceProfilesForRole",
    "iam:ListPolicyVersions",
    "iam:ListRolePolicies",
    "iam:TagPolicy",
    "iam:TagRole",
    "iam:UntagPolicy",
    "iam:UntagRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:UpdateRole",
    "iam:PutRolePolicy",
] as const;

/** Services the platform's roles are passed to (EKS, nodes, RDS monitoring, Backup, S3 replication, flow logs, Pod Identity). */
export const PASSED_TO_SERVICES = [
    "backup.amazonaws.com",
    "ec2.amazonaws.com",
    "eks.amazonaws.com",
    "monitoring.rds.amazonaws.com",
    "pods.eks.amazonaws.com",
    "rds.amazonaws.com",
    "s3.amazonaws.com",
    "vpc-flow-logs.amazonaws.com",
] as const;

/** What never changes through CI: IAM users and their long-lived keys. */
export const DENIED_CREDENTIAL_ACTIONS = ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser"] as const;
/** What CI may never do in production: switch the audit trail or threat detection off. */
export const DENIED_AUDIT_ACTIONS = [
    "cloudtrail:DeleteTrail",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
    "guardduty:DeleteDetector",
    "guardduty:UpdateDetector",
    "securityhub:DisableSecurityHub",
] as const;

export interface DeployPolicyContext {
    readonly partition: string;
    readonly accountId: string;
    /** Regions the deployer may act in (the stack's region, a replication region); IAM and Route 53 are global (us-east-1). */
    readonly regions: readonly string[];
    /** `<project>-<environment>`: the prefix of every IAM name the environment owns. */
    readonly namePrefix: string;
    /** The deploy role's own ARN: it may never rewrite its trust or permissions. */
    readonly roleArn: string;
    /** Production (prod, dr): CI may not switch the audit trail or threat detection off. */
    readonly production: boolean;
}

/** The deploy role's permissions, statement by statement. */
export function awsDeployPolicy(ctx: DeployPolicyContext): IamDocument {
    const iam = (kind: string) => `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}/${ctx.namePrefix}-*`;
    const regions = [...new Set([...ctx.regions, "us-east-1"])].sort();
    const statements: IamStatement[] = [
        {
            Sid: "ManagePlatformServices",
            Effect: "Allow",
            Action: DEPLOY_SERVICES.map((s) => `${s}:*`),
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": regions } },
        },
        {
            Sid: "ManageEnvironmentRoles",
            Effect: "Allow",
            Action: [...DEPLOY_IAM_ACTIONS],
            Resource: [iam("role"), iam("policy")],
        },
        {
            Sid: "PassEnvironmentRoles",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: iam("role"),
            Condition: { StringEquals: { "iam:PassedToService": [...PASSED_TO_SERVICES] } },
        },
        {
            Sid: "ServiceLinkedRoles",
            Effect: "Allow",
            Action: "iam:CreateServiceLinkedRole",
            Resource: `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/*`,
        },
        {
            Sid: "ClusterOidcProviders",
            Effect: "Allow",
            Action: [
                "iam:CreateOpenIDConnectProvider",
                "iam:DeleteOpenIDConnectProvider",
                "iam:GetOpenIDConnectProvider",
                "iam:TagOpenIDConnectProvider",
                "iam:UpdateOpenIDConnectProviderThumbprint",
            ],
            Resource: `arn:${ctx.partition}:iam::${ctx.accountId}:oidc-provider/oidc.eks.*`,
        },
        {
            Sid: "NeverItself",
            Effect: "Deny",
            Action: [
                "iam:AttachRolePolicy",
                "iam:DeleteRole",
                "iam:DeleteRolePolicy",
                "iam:DetachRolePolicy",
                "iam:PutRolePolicy",
                "iam:UpdateAssumeRolePolicy",
            ],
            Resource: ctx.roleArn,
        },
        {
            Sid: "NoLongLivedCredentials",
            Effect: "Deny",
            Action: [...DENIED_CREDENTIAL_ACTIONS],
            Resource: "*",
        },
    ];
    if (ctx.production) {
        statements.push({ Sid: "KeepAuditOn", Effect: "Deny", Action: [...DENIED_AUDIT_ACTIONS], Resource: "*" });
    }
    return { Version: "2012-10-17", Statement: statements };
}
