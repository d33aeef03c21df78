import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * GKE clusters remove the default node pool and define no node pool inline (seed 003 node pools
 * per environment, C5/C6; no Checkov check covers the default pool, CKV_GCP_123 covers inline
 * pools): the default pool runs as the Compute Engine default service account with broad scopes,
 * and a pool defined in the cluster resource can only change by recreating the cluster. Node pools
 * belong in their own gcp.container.NodePool resources. Unset `removeDefaultNodePool` keeps it.
 */
export const gkeNoDefaultNodePool: ResourceValidationPolicy = {
    name: "gcp-gke-no-default-node-pool",
    description: "GKE clusters remove the default node pool and define node pools as their own resources.",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: seedTags("003"),
    framework: checkov({ CKV_GCP_123: "GKE Don't Use NodePools in the Cluster configuration" }),
    remediationSteps:
        "Set removeDefaultNodePool: true and initialNodeCount: 1 on the cluster, drop any nodePools list, and create each pool as a gcp.container.NodePool with its own service account.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/node-pools",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (props["removeDefaultNodePool"] !== true) {
            reportViolation(
                `GKE cluster ${args.name} keeps its default node pool (removeDefaultNodePool is not true); set removeDefaultNodePool: true and define node pools as gcp.container.NodePool resources.`,
            );
        }
        if ((asArray(props["nodePools"]) ?? []).length > 0) {
            reportViolation(
                `GKE cluster ${args.name} defines node pools inline (nodePools), which can only change by recreating the cluster; move them to gcp.container.NodePool resources.`,
            );
        }
    }),
};
