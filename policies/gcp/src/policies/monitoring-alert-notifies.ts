import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Cloud Monitoring alert policies are enabled and notify someone (seed 002: email, Slack and
 * PagerDuty channels): at least one notification channel, and `enabled` not false. A policy
 * without channels opens incidents in the console where nobody looks. Unset `enabled` is enabled
 * (the API default). The GCP twin of aws-cloudwatch-alarm-actions.
 */
export const monitoringAlertNotifies: ResourceValidationPolicy = {
    name: "gcp-monitoring-alert-notifies",
    description: "Cloud Monitoring alert policies are enabled and have notification channels.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: seedTags("002"),
    remediationSteps:
        "Leave enabled unset or true, and set notificationChannels to the environment's channels (GcpAlerts in @platform/observability).",
    url: "https://cloud.google.com/monitoring/support/notification-options",
    validateResource: validateResourceOfTypes([GCP_TYPES.monitoringAlertPolicy], (props, args, reportViolation) => {
        if (props["enabled"] === false) {
            reportViolation(`Alert policy ${args.name} is disabled; set enabled: true.`);
        }
        if ((asArray(props["notificationChannels"]) ?? []).length === 0) {
            reportViolation(`Alert policy ${args.name} has no notificationChannels; notify the environment's channels.`);
        }
    }),
};
