import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * Amazon MQ brokers send their logs to CloudWatch Logs (CKV_AWS_48, CKV_AWS_197): the general log
 * always; the audit log too on ActiveMQ (RabbitMQ brokers have no audit log, so only `general`
 * applies to them). Unset sends nothing.
 */
export const mqLogs: ResourceValidationPolicy = {
    name: "aws-mq-logs",
    description: "Amazon MQ brokers send general logs (and audit logs on ActiveMQ) to CloudWatch Logs.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_48: "Ensure MQ Broker logging is enabled", CKV_AWS_197: "Ensure MQ Broker Audit logging is enabled" }),
    remediationSteps: "Set logs: { general: true } (and audit: true on ActiveMQ brokers).",
    url: "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.mqBroker], (props, args, reportViolation) => {
        const logs = asRecord(props["logs"]) ?? {};
        const rabbit = (asString(props["engineType"]) ?? "").toLowerCase() === "rabbitmq";
        const missing = (rabbit ? ["general"] : ["general", "audit"]).filter((log) => logs[log] !== true);
        if (missing.length > 0) {
            reportViolation(
                `MQ broker ${args.name} does not send ${missing.join(" and ")} logs to CloudWatch Logs; set logs: { ${missing.map((m) => `${m}: true`).join(", ")} }.`,
            );
        }
    }),
};
