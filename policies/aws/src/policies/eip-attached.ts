import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Every VPC Elastic IP is in use (CKV2_AWS_19): by a NAT gateway of the stack (`allocationId`) or
 * an instance (`instance`). An unattached address is billed every hour and is a public IP nobody
 * watches, which the next `associate` can attach to anything. Reported on the address.
 */
export const eipAttached: StackValidationPolicy = {
    name: "aws-eip-attached",
    description: "VPC Elastic IPs are attached to a NAT gateway or an instance.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV2_AWS_19: "Ensure that all EIP addresses allocated to a VPC are attached to EC2 instances" }),
    remediationSteps: "Give the address to a NAT gateway (allocationId) or an instance (instance), or remove it.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html",
    validateStack: (args, reportViolation) => {
        const gateways = resourcesOfTypes(args.resources, AWS_TYPES.natGateway);
        for (const eip of resourcesOfTypes(args.resources, AWS_TYPES.eip)) {
            if (asString(eip.props["domain"]) !== "vpc" && eip.props["vpc"] !== true) continue;
            if (eip.props["instance"] !== undefined || eip.props["networkInterface"] !== undefined) continue;
            if (gateways.some((g) => referencedResources(g, "allocationId", [eip]).length > 0)) continue;
            reportViolation(
                `Elastic IP ${resourceLabel(eip)} is attached to nothing; give it to a NAT gateway or an instance, or remove it.`,
                eip.urn,
            );
        }
    },
};
