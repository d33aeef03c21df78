import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE clusters are VPC-native (CKV_GCP_23): pods and services get alias IP ranges of the
 * subnetwork (`ipAllocationPolicy`), so firewall rules, VPC flow logs and private service access
 * see pod addresses, and no route per node is needed. Unset builds a routes-based cluster.
 */
export const gkeVpcNative: ResourceValidationPolicy = {
    name: "gcp-gke-vpc-native",
    description: "GKE clusters are VPC-native (alias IP ranges).",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_23: "Ensure Kubernetes Cluster is created with Alias IP ranges enabled" }),
    remediationSteps:
        "Set ipAllocationPolicy: { clusterSecondaryRangeName, servicesSecondaryRangeName } to the subnetwork's pods and services ranges (the platform's GcpNetwork creates them).",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (asRecord(props["ipAllocationPolicy"]) === undefined) {
            reportViolation(
                `GKE cluster ${args.name} has no ipAllocationPolicy, so it is routes-based; set it to the subnetwork's pods and services ranges.`,
            );
        }
    }),
};
