import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE clusters send their logs and metrics to Cloud Logging and Cloud Monitoring (CKV_GCP_1,
 * CKV_GCP_8): `loggingService` and `monitoringService` must not be `none`, which turns off the
 * control-plane, audit-adjacent and node logs an incident review reads, and the system metrics the
 * dr alerts use. Unset keeps GKE's default (logging.googleapis.com/kubernetes and
 * monitoring.googleapis.com/kubernetes).
 */
export const gkeLoggingMonitoring: ResourceValidationPolicy = {
    name: "gcp-gke-logging-monitoring",
    description: "GKE clusters keep Cloud Logging and Cloud Monitoring on.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_GCP_1: "Ensure Stackdriver Logging is set to Enabled on Kubernetes Engine Clusters",
        CKV_GCP_8: "Ensure Stackdriver Monitoring is set to Enabled on Kubernetes Engine Clusters",
    }),
    remediationSteps:
        'Remove loggingService: "none" and monitoringService: "none" (or set logging.googleapis.com/kubernetes and monitoring.googleapis.com/kubernetes).',
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/observability",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        for (const [field, what] of [
            ["loggingService", "logs"],
            ["monitoringService", "metrics"],
        ] as const) {
            if (asString(props[field])?.toLowerCase() === "none") {
                reportViolation(
                    `GKE cluster ${args.name} sets ${field}: "none", so its ${what} go nowhere; remove it (GKE's default is on).`,
                );
            }
        }
    }),
};
