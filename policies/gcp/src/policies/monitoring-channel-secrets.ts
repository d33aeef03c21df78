import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Labels of a notification channel that are credentials (Slack's `auth_token`, PagerDuty's
 * `service_key`, a basic-auth webhook's `password`): the provider has `sensitiveLabels` for them.
 */
export const CHANNEL_SECRET_LABELS = ["auth_token", "service_key", "password"] as const;

/**
 * Notification channels keep credentials out of `labels` (seed 003 "no plaintext secrets", seed
 * 002 Slack and PagerDuty channels): `labels` are stored and shown in clear in the state and the
 * console, `sensitiveLabels` are write-only and marked secret. Email channels carry no credential.
 */
export const monitoringChannelSecrets: ResourceValidationPolicy = {
    name: "gcp-monitoring-channel-secrets",
    description: "Notification channels carry credentials in sensitiveLabels, never in labels.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("002", "003"),
    remediationSteps: "Move auth_token, service_key or password from labels to sensitiveLabels, set from a Pulumi secret.",
    url: "https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.notificationChannels",
    validateResource: validateResourceOfTypes([GCP_TYPES.monitoringNotificationChannel], (props, args, reportViolation) => {
        const labels = asRecord(props["labels"]) ?? {};
        for (const key of CHANNEL_SECRET_LABELS) {
            if (labels[key] !== undefined) {
                reportViolation(
                    `Notification channel ${args.name} has the credential ${key} in labels (in clear); set it in sensitiveLabels.`,
                );
            }
        }
    }),
};
