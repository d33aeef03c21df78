import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Amazon MQ brokers are not publicly accessible (CKV_AWS_69): a public broker is reachable from
 * the internet with nothing but its credentials in the way. Unset is private (the provider's default).
 */
export const mqNotPublic: ResourceValidationPolicy = {
    name: "aws-mq-not-public",
    description: "Amazon MQ brokers are not publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_AWS_69: "Ensure MQ Broker is not publicly exposed" }),
    remediationSteps:
        "Set publiclyAccessible: false (or leave it unset) and give the broker private subnets and a security group that admits only its clients.",
    url: "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.mqBroker], (props, args, reportViolation) => {
        if (props["publiclyAccessible"] === true) {
            reportViolation(`MQ broker ${args.name} sets publiclyAccessible: true; set it to false.`);
        }
    }),
};
