import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * The default security group has no rules (CKV2_AWS_12): anything launched without a security
 * group lands in it, so it must allow nothing. Adopting it with `ingress`/`egress` unset removes
 * its rules, so unset counts as closed.
 */
export const vpcDefaultSgClosed: ResourceValidationPolicy = {
    name: "aws-vpc-default-sg-closed",
    description: "The VPC default security group allows no traffic.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_AWS_12: "Ensure the default security group of every VPC restricts all traffic" }),
    remediationSteps:
        "Adopt the VPC's default security group with aws.ec2.DefaultSecurityGroup and set ingress: [] and egress: []; give every resource a security group of its own.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.defaultSecurityGroup], (props, args, reportViolation) => {
        for (const direction of ["ingress", "egress"] as const) {
            const rules = asArray(props[direction]) ?? [];
            if (rules.length > 0) {
                reportViolation(
                    `default security group ${args.name} has ${rules.length} ${direction} rule(s); set ${direction}: [] so nothing can use the default group.`,
                );
            }
        }
    }),
};
