import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Amazon MQ brokers take minor version upgrades in their maintenance window (CKV_AWS_207): RabbitMQ
 * and ActiveMQ security fixes ship as minor versions, and a broker that never upgrades falls out
 * of support. Unset is off.
 */
export const mqAutoMinorUpgrade: ResourceValidationPolicy = {
    name: "aws-mq-auto-minor-upgrade",
    description: "Amazon MQ brokers upgrade minor versions automatically.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_207: "Ensure MQ Broker minor version updates are enabled" }),
    remediationSteps: "Set autoMinorVersionUpgrade: true and a maintenanceWindowStartTime outside business hours.",
    url: "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.mqBroker], (props, args, reportViolation) => {
        if (props["autoMinorVersionUpgrade"] !== true) {
            reportViolation(
                `MQ broker ${args.name} does not set autoMinorVersionUpgrade: true, so security fixes wait for a manual upgrade; set it.`,
            );
        }
    }),
};
