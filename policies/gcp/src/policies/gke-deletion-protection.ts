import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceEnvironment, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES, isProductionEnvironment } from "@platform/facts";

/**
 * In prod and dr, GKE clusters keep deletion protection on (seed 003 strict change management;
 * the platform's rule that stateful production resources resist deletion): a `pulumi destroy`
 * or a replacing change would otherwise delete every workload on the cluster. The provider
 * defaults `deletionProtection` to true, so only an explicit false fails; elsewhere it is the
 * team's choice. The environment is the cluster's `environment` label (its own, else its provider's).
 */
export const gkeDeletionProtection: ResourceValidationPolicy = {
    name: "gcp-gke-deletion-protection",
    description: "GKE clusters in prod and dr keep deletion protection on.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("003"),
    remediationSteps:
        "Remove deletionProtection: false (the provider defaults it to true) from prod and dr clusters; to delete one on purpose, set it to false in a reviewed change first.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/deleting-a-cluster#deletion-protection",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        const environment = resourceEnvironment(args);
        if (!isProductionEnvironment(environment) || props["deletionProtection"] !== false) return;
        reportViolation(
            `GKE cluster ${args.name} is in ${environment ?? "production"} with deletionProtection: false, so a destroy or replacement deletes every workload on it; remove the setting or set it to true.`,
        );
    }),
};
