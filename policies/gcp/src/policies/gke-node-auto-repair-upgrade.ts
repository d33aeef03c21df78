import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE node pools repair and upgrade their nodes automatically (CKV_GCP_9, CKV_GCP_10): an
 * unhealthy node is recreated instead of draining capacity, and nodes follow the control plane's
 * patch releases (security fixes) inside the maintenance window. Both must be set to true in
 * `management`, as Checkov reads them; unset fails.
 */
export const gkeNodeAutoRepairUpgrade: ResourceValidationPolicy = {
    name: "gcp-gke-node-auto-repair-upgrade",
    description: "GKE node pools have auto-repair and auto-upgrade on.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_GCP_9: "Ensure 'Automatic node repair' is enabled for Kubernetes Clusters",
        CKV_GCP_10: "Ensure 'Automatic node upgrade' is enabled for Kubernetes Clusters",
    }),
    remediationSteps: "Set management: { autoRepair: true, autoUpgrade: true } on every node pool (the platform's GkeNodePool does).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerNodePool], (props, args, reportViolation) => {
        const management = asRecord(props["management"]) ?? {};
        for (const [field, what] of [
            ["autoRepair", "broken nodes stay broken"],
            ["autoUpgrade", "nodes miss the control plane's security patches"],
        ] as const) {
            if (management[field] !== true) {
                reportViolation(`node pool ${args.name} does not set management.${field}: true, so ${what}; set it to true.`);
            }
        }
    }),
};
