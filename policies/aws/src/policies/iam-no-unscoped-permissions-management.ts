import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { grantsAction, identityPolicies, isUnscopedAllow, statementLabel } from "../iam.js";
import { PERMISSIONS_MANAGEMENT_ACTIONS } from "../iam-actions.js";
import { readPolicyDocument } from "../key-policy.js";

/**
 * Identity policies grant no permissions-management action on every resource (CKV_AWS_289): an
 * Allow statement with Resource "*" and no Condition that covers one of the actions changing who
 * may do what and that could name a resource (`PERMISSIONS_MANAGEMENT_ACTIONS`: IAM policies and
 * credentials, bucket and key policies, grants, ACLs, snapshot sharing...; wildcards such as
 * `iam:*` and NotAction included) lets the principal open any resource of the account to anyone.
 * Checked on standalone and inline role policies and a role's `inlinePolicies`; an unreadable
 * document is aws-iam-no-wildcard-admin's.
 */
export const iamNoUnscopedPermissionsManagement: ResourceValidationPolicy = {
    name: "aws-iam-no-unscoped-permissions-management",
    description: "IAM policies grant no permissions-management action (policies, grants, ACLs, sharing) on Resource *.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_289: "Ensure IAM policies does not allow permissions management / resource exposure without constraints",
    }),
    remediationSteps:
        "Scope the statement's Resource to the ARNs whose permissions the principal manages (roles and policies under the platform's prefix, its buckets and keys), or add a Condition; never grant these actions on \"*\".",
    url: "https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/resource-exposure.md",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.iamPolicy, AWS_TYPES.iamRolePolicy, AWS_TYPES.iamRole],
        (props, args, reportViolation) => {
            for (const { where, policy } of identityPolicies(args.type, props, AWS_TYPES.iamRole)) {
                const doc = readPolicyDocument(policy);
                if (!doc.ok) continue;
                doc.statements.forEach((statement, i) => {
                    if (!isUnscopedAllow(statement)) return;
                    const granted = PERMISSIONS_MANAGEMENT_ACTIONS.filter((action) => grantsAction(statement, action));
                    if (granted.length === 0) return;
                    const shown =
                        granted.length > 3 ? `${granted.slice(0, 3).join(", ")} and ${granted.length - 3} more` : granted.join(", ");
                    reportViolation(
                        `${args.name}'s ${where} statement ${statementLabel(statement, i)} allows ${shown} on every resource; name the resources whose permissions the principal manages.`,
                    );
                });
            }
        },
    ),
};
