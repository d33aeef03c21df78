import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Every VPC has a flow log (CKV2_AWS_11): without one there is no record of accepted or rejected
 * traffic to investigate an incident with. A stack policy, because the flow log is a separate
 * resource pointing at the VPC by `vpcId` (matched by property dependency, known id, or dependency).
 */
export const vpcFlowLogs: StackValidationPolicy = {
    name: "aws-vpc-flow-logs",
    description: "Every VPC has a flow log.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_11: "Ensure VPC flow logging is enabled in all VPCs" }),
    remediationSteps:
        "Add an aws.ec2.FlowLog whose vpcId is the VPC's id, delivering to a CloudWatch log group or an S3 bucket (the platform's AwsNetwork component creates one).",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
    validateStack: (args, reportViolation) => {
        const vpcs = resourcesOfTypes(args.resources, AWS_TYPES.vpc);
        const covered = new Set(
            resourcesOfTypes(args.resources, AWS_TYPES.flowLog).flatMap((fl) => referencedResources(fl, "vpcId", vpcs).map((v) => v.urn)),
        );
        for (const vpc of vpcs) {
            if (!covered.has(vpc.urn)) {
                reportViolation(
                    `VPC ${resourceLabel(vpc)} has no flow log; add an aws.ec2.FlowLog with vpcId set to this VPC's id.`,
                    vpc.urn,
                );
            }
        }
    },
};
