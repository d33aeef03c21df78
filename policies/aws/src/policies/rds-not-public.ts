import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * RDS instances are not publicly accessible (CKV_AWS_17): a public address puts the database one
 * security-group mistake away from the internet. Unset is private (the provider's default).
 */
export const rdsNotPublic: ResourceValidationPolicy = {
    name: "aws-rds-not-public",
    description: "RDS instances are not publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_AWS_17: "Ensure all data stored in RDS is not publicly accessible" }),
    remediationSteps:
        "Set publiclyAccessible: false (or leave it unset) and place the instance in private or isolated subnets; reach it from inside the VPC or through a bastion.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance], (props, args, reportViolation) => {
        if (props["publiclyAccessible"] === true) {
            reportViolation(`RDS instance ${args.name} sets publiclyAccessible: true; set it to false.`);
        }
    }),
};
