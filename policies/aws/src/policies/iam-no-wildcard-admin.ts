import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, asStringArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { isAdminAction, statementActions, statementLabel } from "../iam.js";
import { readPolicyDocument } from "../key-policy.js";

/** AWS managed policies that grant administrator access (everything, or all of IAM). */
export const ADMIN_MANAGED_POLICIES = ["AdministratorAccess", "IAMFullAccess"] as const;

/**
 * The admin managed policy a policy ARN names: AdministratorAccess exactly (as Checkov matches it),
 * IAMFullAccess anywhere in the ARN (as Checkov's CKV2_AWS_56 does, so a copy under another path counts).
 */
export function adminManagedPolicy(arn: string): string | undefined {
    if (arn === "arn:aws:iam::aws:policy/AdministratorAccess") return "AdministratorAccess";
    return arn.includes("IAMFullAccess") ? "IAMFullAccess" : undefined;
}

/**
 * No identity policy grants administrator access (CKV_AWS_62, CKV_AWS_63, CKV2_AWS_40 for iam:*,
 * CKV_AWS_274 and CKV2_AWS_56 for the managed policies; seed 001/003 least privilege): no Allow statement with Action `*`, `*:*` or `iam:*` (all of IAM lets a principal
 * grant itself everything), none with NotAction (an allow-list turned inside out), and no
 * attachment of AdministratorAccess or IAMFullAccess (by a role policy attachment or a role's
 * `managedPolicyArns`). Checked on standalone and inline role
 * policies, a role's `inlinePolicies` and managed-policy attachments. A document that cannot be
 * read is a violation, since it cannot be shown to be safe.
 */
export const iamNoWildcardAdmin: ResourceValidationPolicy = {
    name: "aws-iam-no-wildcard-admin",
    description: "IAM policies grant no administrator access (Action *, iam:*, NotAction, AdministratorAccess).",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_AWS_62: 'Ensure IAM policies that allow full "*-*" administrative privileges are not created',
        CKV_AWS_63: 'Ensure no IAM policies documents allow "*" as a statement\'s actions',
        CKV2_AWS_40: "Ensure AWS IAM policy does not allow full IAM privileges",
        CKV_AWS_274: "Disallow IAM roles, users, and groups from using the AWS AdministratorAccess policy",
        CKV2_AWS_56: "Ensure AWS Managed IAMFullAccess IAM policy is not used.",
    }),
    remediationSteps:
        "List the actions the principal needs (service:Action, or service:* for a service it manages) instead of *, *:* or iam:*; replace NotAction with Action; attach a scoped policy instead of AdministratorAccess or IAMFullAccess.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.iamPolicy, AWS_TYPES.iamRolePolicy, AWS_TYPES.iamRole, AWS_TYPES.iamRolePolicyAttachment],
        (props, args, reportViolation) => {
            if (args.type === AWS_TYPES.iamRolePolicyAttachment) {
                const admin = adminManagedPolicy(asString(props["policyArn"]) ?? "");
                if (admin !== undefined) {
                    reportViolation(
                        `IAM role policy attachment ${args.name} attaches ${admin}; attach a policy scoped to what the role needs.`,
                    );
                }
                return;
            }
            if (args.type === AWS_TYPES.iamRole) {
                const managed = asStringArray(props["managedPolicyArns"]).flatMap((arn) => adminManagedPolicy(arn) ?? []);
                if (managed.length > 0) {
                    reportViolation(`IAM role ${args.name} attaches ${managed.join(", ")}; attach a policy scoped to what the role needs.`);
                }
            }
            const documents =
                args.type === AWS_TYPES.iamRole
                    ? (asArray(props["inlinePolicies"]) ?? []).map((p, i) => ({
                          where: `inline policy ${asString(asRecord(p)?.["name"]) ?? `#${i + 1}`}`,
                          policy: asRecord(p)?.["policy"],
                      }))
                    : [{ where: "policy", policy: props["policy"] }];
            const subject = `${args.type === AWS_TYPES.iamRole ? "IAM role" : args.type === AWS_TYPES.iamPolicy ? "IAM policy" : "IAM role policy"} ${args.name}`;
            for (const { where, policy } of documents) {
                if (policy === undefined) continue;
                const doc = readPolicyDocument(policy);
                if (!doc.ok) {
                    reportViolation(`${subject}'s ${where} ${doc.reason}; fix the policy document.`);
                    continue;
                }
                doc.statements.forEach((statement, i) => {
                    if (statement["Effect"] !== "Allow") return;
                    const label = statementLabel(statement, i);
                    const admin = statementActions(statement).filter(isAdminAction);
                    if (admin.length > 0) {
                        reportViolation(
                            `${subject}'s ${where} statement ${label} allows ${admin.join(", ")} (administrator access); list the actions it needs.`,
                        );
                    }
                    if (statement["NotAction"] !== undefined) {
                        reportViolation(
                            `${subject}'s ${where} statement ${label} allows NotAction (every action but a few); list the allowed actions with Action.`,
                        );
                    }
                });
            }
        },
    ),
};
