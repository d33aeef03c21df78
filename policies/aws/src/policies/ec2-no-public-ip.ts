import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Instances and launch templates ask for no public IP (CKV_AWS_88): the platform's nodes live in
 * private subnets and leave through NAT gateways; a public address makes a node reachable from the
 * internet as soon as a security group rule allows it. `associatePublicIpAddress: true` on an
 * instance or on any network interface of a launch template is refused (the string "true" too,
 * which launch templates accept). Unset follows the subnet, which aws-subnet-no-auto-public-ip keeps private.
 */
export const ec2NoPublicIp: ResourceValidationPolicy = {
    name: "aws-ec2-no-public-ip",
    description: "Instances and launch templates ask for no public IP.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_88: "EC2 instance should not have public IP." }),
    remediationSteps:
        "Remove associatePublicIpAddress (or set it to false) and place the instances in private subnets; expose services through a load balancer.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.ec2Instance, AWS_TYPES.launchTemplate], (props, args, reportViolation) => {
        const settings =
            args.type === AWS_TYPES.ec2Instance
                ? [props["associatePublicIpAddress"]]
                : (asArray(props["networkInterfaces"]) ?? []).map((i) => asRecord(i)?.["associatePublicIpAddress"]);
        if (settings.some((s) => s === true || s === "true")) {
            reportViolation(
                `${args.type === AWS_TYPES.ec2Instance ? "instance" : "launch template"} ${args.name} asks for a public IP (associatePublicIpAddress); remove it.`,
            );
        }
    }),
};
