import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Legacy ABAC stays off (CKV_GCP_7): it grants broad, static permissions outside RBAC, so RBAC
 * roles stop meaning anything. GKE disables it by default, so unset passes.
 */
export const gkeNoLegacyAbac: ResourceValidationPolicy = {
    name: "gcp-gke-no-legacy-abac",
    description: "GKE clusters do not enable legacy ABAC.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_7: "Ensure Legacy Authorization is set to Disabled on Kubernetes Engine Clusters" }),
    remediationSteps: "Remove enableLegacyAbac or set it to false; grant access with Kubernetes RBAC and IAM.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (props["enableLegacyAbac"] === true) {
            reportViolation(`GKE cluster ${args.name} enables legacy ABAC, which bypasses RBAC; set enableLegacyAbac: false.`);
        }
    }),
};
