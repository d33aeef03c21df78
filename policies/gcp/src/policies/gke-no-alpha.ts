import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE clusters do not enable Kubernetes alpha features (CKV2_GCP_19): an alpha cluster gets no
 * SLA, cannot be upgraded, and is deleted by Google after 30 days, which is no place for the DR
 * platform. Unset is off.
 */
export const gkeNoAlpha: ResourceValidationPolicy = {
    name: "gcp-gke-no-alpha",
    description: "GKE clusters do not enable Kubernetes alpha features.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_GCP_19: "Ensure GCP Kubernetes engine clusters have 'alpha cluster' feature disabled" }),
    remediationSteps: "Remove enableKubernetesAlpha: true (an alpha cluster cannot be changed back: recreate it).",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (props["enableKubernetesAlpha"] === true) {
            reportViolation(
                `GKE cluster ${args.name} enables Kubernetes alpha features (no SLA, no upgrades, deleted after 30 days); remove enableKubernetesAlpha.`,
            );
        }
    }),
};
