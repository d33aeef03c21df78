import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { statementLabel } from "../iam.js";
import { readPolicyDocument } from "../key-policy.js";

/** A bare account id, or an account's root ARN: every principal of that account that may call sts:AssumeRole. */
const ACCOUNT = /^(\d{12}|arn:aws:iam::\d{12}:root)$/;

/** The `AWS` principals of a statement. */
function awsPrincipals(statement: Record<string, unknown>): string[] {
    const aws = asRecord(statement["Principal"])?.["AWS"] ?? (statement["Principal"] === "*" ? "*" : undefined);
    if (typeof aws === "string") return [aws];
    return (asArray(aws) ?? []).flatMap((a) => (typeof a === "string" ? [a] : []));
}

/**
 * Role trust policies name the principals that may assume the role (CKV_AWS_60, CKV_AWS_61):
 * never every AWS principal (`"*"`, any account on AWS), and never a whole account (its id or its
 * `:root` ARN), which delegates the decision to every identity policy of that account. Trust the
 * role, user or service principal that needs the role instead (the platform's roles trust AWS
 * services, the EKS pod identity agent and OIDC providers). Deny statements are not applicable.
 */
export const iamTrustNamedPrincipals: ResourceValidationPolicy = {
    name: "aws-iam-trust-named-principals",
    description: "Role trust policies name the roles or services that may assume them, never * or a whole account.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_AWS_60: "Ensure IAM role allows only specific services or principals to assume it",
        CKV_AWS_61: "Ensure AWS IAM policy does not allow assume role permission across all services",
    }),
    remediationSteps:
        'Replace Principal { AWS: "*" } or { AWS: "<account id>" / "arn:aws:iam::<account>:root" } by the ARN of the role that assumes this one, or by the service principal (e.g. { Service: "eks.amazonaws.com" }).',
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy",
    validateResource: validateResourceOfTypes([AWS_TYPES.iamRole], (props, args, reportViolation) => {
        if (props["assumeRolePolicy"] === undefined) args.notApplicable("no trust policy");
        const doc = readPolicyDocument(props["assumeRolePolicy"]);
        if (!doc.ok) {
            args.notApplicable(`the trust policy ${doc.reason} (aws-iam-oidc-trust-scoped reports it)`);
            return;
        }
        doc.statements.forEach((statement, i) => {
            if (statement["Effect"] === "Deny") return;
            const principals = awsPrincipals(statement);
            const label = statementLabel(statement, i);
            if (principals.includes("*")) {
                reportViolation(
                    `IAM role ${args.name}'s trust statement ${label} lets every AWS principal assume it (AWS "*"); name the role or service that needs it.`,
                );
            }
            const accounts = principals.filter((p) => ACCOUNT.test(p));
            if (accounts.length > 0) {
                reportViolation(
                    `IAM role ${args.name}'s trust statement ${label} trusts the whole account ${accounts.join(", ")}; name the role or service that needs it.`,
                );
            }
        });
    }),
};
