/** IAM policy documents as pure functions: trust policies and least-privilege permission statements. */

export interface IamStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: string | Readonly<Record<string, string | readonly string[]>>;
    readonly Action: string | readonly string[];
    readonly Resource?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | boolean | readonly string[]>>>>;
}

export interface IamPolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly IamStatement[];
}

export function policyDocument(...statements: IamStatement[]): IamPolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/** A trust policy letting an AWS service assume the role, optionally only for this account (confused deputy). */
export function serviceTrustPolicy(service: string, sourceAccount?: string): IamPolicyDocument {
    return policyDocument({
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        ...(sourceAccount !== undefined ? { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } } : {}),
    });
}

/** The managed-policy ARN `arn:<partition>:iam::aws:policy/<path>`. */
export function awsManagedPolicyArn(partition: string, path: string): string {
    return `arn:${partition}:iam::aws:policy/${path}`;
}
