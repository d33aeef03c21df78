import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Security groups and their rules say what they are for (CKV_AWS_23): a `description` on the group,
 * on each inline ingress and egress rule, and on each separate rule resource. Reviews and incident
 * responders read them to tell an intended opening from a leftover; AWS cannot change a group's
 * description later without replacing it. Unset fails (the provider's "Managed by Pulumi" says
 * nothing).
 */
export const sgDescriptions: ResourceValidationPolicy = {
    name: "aws-sg-descriptions",
    description: "Security groups and their rules have descriptions.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV_AWS_23: "Ensure every security group and rule has a description" }),
    remediationSteps: "Set description on the security group (what it protects) and on every rule (who may connect, and why).",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    validateResource: validateResourceOfTypes(
        [AWS_TYPES.securityGroup, AWS_TYPES.securityGroupRule, AWS_TYPES.securityGroupIngressRule, AWS_TYPES.securityGroupEgressRule],
        (props, args, reportViolation) => {
            const what = args.type === AWS_TYPES.securityGroup ? "security group" : "security group rule";
            if (asNonEmptyString(props["description"]) === undefined) {
                reportViolation(`${what} ${args.name} has no description; say what it is for.`);
            }
            if (args.type !== AWS_TYPES.securityGroup) return;
            for (const direction of ["ingress", "egress"] as const) {
                (asArray(props[direction]) ?? []).forEach((rule, i) => {
                    if (asNonEmptyString(asRecord(rule)?.["description"]) === undefined) {
                        reportViolation(
                            `security group ${args.name}'s ${direction} rule #${i + 1} has no description; say who may connect and why.`,
                        );
                    }
                });
            }
        },
    ),
};
