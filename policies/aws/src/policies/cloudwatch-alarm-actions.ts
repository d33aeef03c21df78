import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * CloudWatch metric alarms notify someone (CKV_AWS_319): actions enabled and at least one alarm
 * action. An alarm without actions changes state in the console where nobody looks, which is the
 * same as no alarm. Unset `actionsEnabled` is enabled (the AWS default).
 */
export const cloudwatchAlarmActions: ResourceValidationPolicy = {
    name: "aws-cloudwatch-alarm-actions",
    description: "CloudWatch metric alarms have actions, enabled.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_AWS_319: "Ensure that CloudWatch alarm actions are enabled" }),
    remediationSteps:
        "Leave actionsEnabled unset or true, and set alarmActions to the layer's alarm topic (AwsAlarms in @platform/observability).",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.cloudwatchMetricAlarm], (props, args, reportViolation) => {
        if (props["actionsEnabled"] === false) {
            reportViolation(`CloudWatch alarm ${args.name} has its actions disabled; set actionsEnabled: true.`);
        }
        if ((asArray(props["alarmActions"]) ?? []).length === 0) {
            reportViolation(`CloudWatch alarm ${args.name} has no alarmActions; notify the layer's alarm topic.`);
        }
    }),
};
