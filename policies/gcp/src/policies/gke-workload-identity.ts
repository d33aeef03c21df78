import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Workload Identity on, and nodes expose only the GKE metadata server (CKV_GCP_69): pods then get
 * Google credentials through their own Kubernetes service account, never the node's, and cannot
 * read the node's metadata (kubelet credentials). Clusters need a workload pool; node pools (and a
 * cluster's default pool settings, when given) need `workloadMetadataConfig.mode: GKE_METADATA`.
 */
export const gkeWorkloadIdentity: ResourceValidationPolicy = {
    name: "gcp-gke-workload-identity",
    description: "GKE clusters use Workload Identity and nodes expose only the GKE metadata server.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_69: "Ensure the GKE Metadata Server is Enabled" }),
    remediationSteps:
        'Set workloadIdentityConfig.workloadPool: "<project>.svc.id.goog" on the cluster and nodeConfig.workloadMetadataConfig.mode: "GKE_METADATA" on every node pool.',
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster, GCP_TYPES.containerNodePool], (props, args, reportViolation) => {
        const isCluster = args.type === GCP_TYPES.containerCluster;
        if (isCluster && asNonEmptyString(asRecord(props["workloadIdentityConfig"])?.["workloadPool"]) === undefined) {
            reportViolation(
                `GKE cluster ${args.name} does not set workloadIdentityConfig.workloadPool, so pods cannot use Workload Identity; set it to "<project>.svc.id.goog".`,
            );
        }
        const nodeConfig = asRecord(props["nodeConfig"]);
        if (isCluster && nodeConfig === undefined) return;
        const mode = asString(asRecord(nodeConfig?.["workloadMetadataConfig"])?.["mode"]);
        if (mode !== "GKE_METADATA") {
            const state =
                mode === undefined
                    ? "does not set nodeConfig.workloadMetadataConfig.mode"
                    : `sets nodeConfig.workloadMetadataConfig.mode: ${mode}`;
            reportViolation(
                `${isCluster ? "GKE cluster" : "node pool"} ${args.name} ${state}, so pods can read the node's metadata and credentials; set it to GKE_METADATA.`,
            );
        }
    }),
};
