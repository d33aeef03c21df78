/**
 * The AWS CI drift role's permissions as a pure function (tests check it statement by statement).
 * Nightly drift is `pulumi refresh --preview-only` of every layer: it reads every resource the
 * platform manages and the state, and changes nothing. So: Describe/Get/List of the deploy role's
 * services in the platform's regions; IAM reads of the environment's own roles; the state bucket's
 * objects and the secrets provider's key; the environment's secret values (refreshing a secret
 * version reads it). And explicit denies for the data a read-only role should never see: objects
 * of any other bucket (backups, audit logs), other secrets, log events, instance consoles.
 */
import type { IamDocument, IamStatement } from "./aws-deploy-policy.js";
import { DEPLOY_SERVICES } from "./aws-deploy-policy.js";

/** The read verbs of every service (an IAM action prefix a service may not have simply matches nothing). */
export const DRIFT_READ_VERBS = ["Describe", "Get", "List"] as const;

/**
 * Reads that return data rather than configuration, which `Describe*`/`Get*` would otherwise
 * include: log events, instance consoles and their Windows passwords. Refresh needs none of them.
 */
export const DRIFT_DENIED_DATA_READS = [
    "logs:GetLogEvents",
    "logs:GetLogRecord",
    "logs:GetQueryResults",
    "logs:FilterLogEvents",
    "ec2:GetConsoleOutput",
    "ec2:GetConsoleScreenshot",
    "ec2:GetPasswordData",
] as const;

export interface DriftPolicyContext {
    readonly partition: string;
    readonly accountId: string;
    /** Regions the platform runs in (IAM and Route 53 are global: us-east-1 is always added). */
    readonly regions: readonly string[];
    /** `<project>-<environment>`: the prefix of the environment's IAM names and secrets. */
    readonly namePrefix: string;
    /** The state backend's bucket. */
    readonly stateBucket: string;
    /** The secrets provider's key ARN; unset with a passphrase provider. */
    readonly stateSecretsKeyArn?: string;
}

export function awsDriftPolicy(ctx: DriftPolicyContext): IamDocument {
    const regions = [...new Set([...ctx.regions, "us-east-1"])].sort();
    const iam = (kind: string) => `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}/${ctx.namePrefix}-*`;
    const stateBucketArn = `arn:${ctx.partition}:s3:::${ctx.stateBucket}`;
    const secretsArn = regions.map((r) => `arn:${ctx.partition}:secretsmanager:${r}:${ctx.accountId}:secret:${ctx.namePrefix}-*`);
    const statements: IamStatement[] = [
        {
            Sid: "ReadPlatformServices",
            Effect: "Allow",
            Action: DEPLOY_SERVICES.flatMap((s) => DRIFT_READ_VERBS.map((verb) => `${s}:${verb}*`)),
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": regions } },
        },
        {
            Sid: "ReadEnvironmentRoles",
            Effect: "Allow",
            Action: [
                "iam:GetRole",
                "iam:GetRolePolicy",
                "iam:ListAttachedRolePolicies",
                "iam:ListRolePolicies",
                "iam:GetPolicy",
                "iam:GetPolicyVersion",
            ],
            Resource: [iam("role"), iam("policy")],
        },
        {
            Sid: "ReadOidcProviders",
            Effect: "Allow",
            Action: "iam:GetOpenIDConnectProvider",
            Resource: `arn:${ctx.partition}:iam::${ctx.accountId}:oidc-provider/*`,
        },
        {
            Sid: "ReadState",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: [stateBucketArn, `${stateBucketArn}/*`],
        },
        {
            Sid: "NoOtherObjects",
            Effect: "Deny",
            Action: ["s3:GetObject", "s3:GetObjectVersion"],
            NotResource: `${stateBucketArn}/*`,
        },
        {
            Sid: "NoOtherSecrets",
            Effect: "Deny",
            Action: "secretsmanager:GetSecretValue",
            NotResource: secretsArn,
        },
        {
            Sid: "DecryptEnvironmentSecrets",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: regions.map((r) => `arn:${ctx.partition}:kms:${r}:${ctx.accountId}:key/*`),
            Condition: { StringEquals: { "kms:ViaService": regions.map((r) => `secretsmanager.${r}.amazonaws.com`) } },
        },
        { Sid: "NoDataReads", Effect: "Deny", Action: [...DRIFT_DENIED_DATA_READS], Resource: "*" },
    ];
    if (ctx.stateSecretsKeyArn !== undefined) {
        statements.splice(4, 0, { Sid: "DecryptState", Effect: "Allow", Action: "kms:Decrypt", Resource: ctx.stateSecretsKeyArn });
    }
    return { Version: "2012-10-17", Statement: statements };
}
