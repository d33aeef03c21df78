import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, type Props, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import {
    actionCovers,
    grantsAction,
    hasCondition,
    identityPolicies,
    isUnscopedAllow,
    statementActions,
    statementResources,
} from "../iam.js";
import { PRIVILEGE_ESCALATION_METHODS, WILDCARD_ONLY_ESCALATION_ACTIONS } from "../iam-actions.js";
import { readPolicyDocument } from "../key-policy.js";

/** True when the document grants `action` without constraint and no Deny statement's `Action` takes it back. */
function grantedUnconstrained(statements: readonly Props[], action: string): boolean {
    const wildcardOnly = WILDCARD_ONLY_ESCALATION_ACTIONS.some((a) => a.toLowerCase() === action.toLowerCase());
    const granted = statements.some((s) =>
        wildcardOnly
            ? // An action without resource ARNs is granted on whatever Resource the statement names.
              s["Effect"] === "Allow" &&
              !hasCondition(s) &&
              (s["NotAction"] === undefined || statementResources(s).includes("*")) &&
              grantsAction(s, action)
            : isUnscopedAllow(s) && grantsAction(s, action),
    );
    const denied = statements.some((s) => s["Effect"] === "Deny" && statementActions(s).some((p) => actionCovers(p, action)));
    return granted && !denied;
}

/**
 * Identity policies allow no privilege escalation (CKV_AWS_286): no policy document grants, without
 * a Condition, all the actions of one of the known escalation methods (`PRIVILEGE_ESCALATION_METHODS`,
 * Rhino Security Labs' list as cloudsplaining carries it: attaching or writing policies, new access
 * keys or login profiles for other users, passing a role to new compute...). An action that takes a
 * resource ARN counts when an Allow statement grants it on Resource "*" (wildcards and NotAction
 * included); one that takes none (CreateDevEndpoint, CreatePipeline, CreateEventSourceMapping) on
 * any Resource; a Deny statement naming the action takes it back. Scope the role and policy actions
 * to the resources the principal manages. Checked on standalone and inline role policies and a
 * role's `inlinePolicies`; an unreadable document is aws-iam-no-wildcard-admin's.
 */
export const iamNoPrivilegeEscalation: ResourceValidationPolicy = {
    name: "aws-iam-no-privilege-escalation",
    description: "IAM policies grant no set of actions that lets the principal escalate its own privileges.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_AWS_286: "Ensure IAM policies does not allow privilege escalation" }),
    remediationSteps:
        'Scope iam:*, sts:AssumeRole, iam:PassRole and the compute-creating actions to the ARNs the principal manages (e.g. arn:aws:iam::<account>:role/<prefix>-*), or add a Condition (iam:PassedToService, aws:ResourceTag); never grant them on "*".',
    url: "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.iamPolicy, AWS_TYPES.iamRolePolicy, AWS_TYPES.iamRole],
        (props, args, reportViolation) => {
            for (const { where, policy } of identityPolicies(args.type, props, AWS_TYPES.iamRole)) {
                const doc = readPolicyDocument(policy);
                if (!doc.ok) continue;
                const methods = Object.entries(PRIVILEGE_ESCALATION_METHODS).filter(([, actions]) =>
                    actions.every((a) => grantedUnconstrained(doc.statements, a)),
                );
                if (methods.length === 0) continue;
                reportViolation(
                    `${args.name}'s ${where} allows privilege escalation: ${methods.map(([name, actions]) => `${name} (${actions.join(" + ")})`).join(", ")}; scope these actions to the resources the principal manages.`,
                );
            }
        },
    ),
};
