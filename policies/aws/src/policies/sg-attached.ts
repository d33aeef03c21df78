import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, knownId, resourceLabel, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Types that define a group's rules: a reference from them is not a use of the group. */
const RULE_TYPES: readonly string[] = [
    AWS_TYPES.securityGroup,
    AWS_TYPES.securityGroupRule,
    AWS_TYPES.securityGroupIngressRule,
    AWS_TYPES.securityGroupEgressRule,
];

/** True when a known input of `props` contains `id` (inputs unknown during preview are skipped, not thrown). */
function namesId(props: Record<string, unknown>, id: string): boolean {
    return Object.keys(props).some((key) => {
        const text = tryRead(() => JSON.stringify(props[key]) ?? "");
        return text.known && text.value.includes(JSON.stringify(id));
    });
}

/**
 * Every security group is attached to something (CKV2_AWS_5): a group no instance, node, database,
 * cache, broker, endpoint or proxy uses is a leftover whose rules nobody reviews, and the next
 * resource that picks it gets them. A group counts as attached when a resource other than a
 * security group or rule takes it as an input (by property dependency, or by its id). Reported on
 * the group.
 */
export const sgAttached: StackValidationPolicy = {
    name: "aws-sg-attached",
    description: "Security groups are attached to a resource.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV2_AWS_5: "Ensure that Security Groups are attached to another resource" }),
    remediationSteps: "Attach the security group to the resource it protects (vpcSecurityGroupIds, securityGroupIds), or remove it.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html",
    validateStack: (args, reportViolation) => {
        const users = args.resources.filter((r) => !RULE_TYPES.includes(r.type));
        for (const group of resourcesOfTypes(args.resources, AWS_TYPES.securityGroup)) {
            const id = knownId(group);
            const used = users.some(
                (r) =>
                    Object.values(r.propertyDependencies).some((deps) => deps.some((d) => d.urn === group.urn)) ||
                    (id !== undefined && namesId(r.props, id)),
            );
            if (!used) {
                reportViolation(
                    `security group ${resourceLabel(group)} is attached to nothing; attach it to the resource it protects or remove it.`,
                    group.urn,
                );
            }
        }
    },
};
