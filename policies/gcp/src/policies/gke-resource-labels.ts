import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE clusters carry resource labels (CKV_GCP_21): `resourceLabels` propagate to the cluster's
 * nodes, disks and load balancers, so billing exports and inventory queries can tell which
 * cluster (and team) a VM belongs to. At least one label must be set on the cluster itself; the
 * platform sets `cluster: <name>` (the ownership labels come from the provider's defaultLabels).
 */
export const gkeResourceLabels: ResourceValidationPolicy = {
    name: "gcp-gke-resource-labels",
    description: "GKE clusters set resource labels.",
    enforcementLevel: "mandatory",
    severity: "low",
    framework: checkov({ CKV_GCP_21: "Ensure Kubernetes Clusters are configured with Labels" }),
    remediationSteps: "Set resourceLabels on the cluster (e.g. { cluster: <name> }); GkeCluster does.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/creating-managing-labels",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (Object.keys(asRecord(props["resourceLabels"]) ?? {}).length === 0) {
            reportViolation(
                `GKE cluster ${args.name} sets no resourceLabels, so its nodes and disks cannot be told apart in billing; set at least one.`,
            );
        }
    }),
};
