import type { ResourceValidationPolicy } from "@pulumi/policy";
import { awsTags, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The tag that marks a subnet's tier (set by @platform/network on every subnet). */
export const TIER_TAG = "tier";

/**
 * Only public-tier subnets map public IPs on launch (CKV_AWS_130): an instance in a private or
 * isolated subnet must never get an internet-routable address by accident.
 */
export const subnetNoAutoPublicIp: ResourceValidationPolicy = {
    name: "aws-subnet-no-auto-public-ip",
    description: "Only public-tier subnets assign public IPs on launch.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_130: "Ensure VPC subnets do not assign public IP by default" }),
    remediationSteps:
        "Set mapPublicIpOnLaunch: false on private and isolated subnets; only subnets tagged tier: public may map public IPs on launch.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.subnet], (props, args, reportViolation) => {
        if (props["mapPublicIpOnLaunch"] !== true) return;
        const tier = awsTags(args)[TIER_TAG];
        if (tier === "public") return;
        const tagged = tier === undefined ? "has no tier tag" : `is tagged tier: ${tier}`;
        reportViolation(
            `subnet ${args.name} sets mapPublicIpOnLaunch: true but ${tagged}; set mapPublicIpOnLaunch: false, or tag it tier: public if it really is a public subnet.`,
        );
    }),
};
