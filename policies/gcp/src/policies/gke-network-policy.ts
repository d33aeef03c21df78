import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * NetworkPolicy is enforced (CKV_GCP_12, seed rule 12 default-deny NetworkPolicies): Dataplane V2
 * (`datapathProvider: ADVANCED_DATAPATH`, eBPF, enforces NetworkPolicy itself) or the legacy
 * Calico network policy add-on. Without either, NetworkPolicy objects are accepted and silently
 * do nothing. Unset means neither.
 */
export const gkeNetworkPolicy: ResourceValidationPolicy = {
    name: "gcp-gke-network-policy",
    description: "GKE clusters enforce NetworkPolicy (Dataplane V2 or the network policy add-on).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_12: "Ensure Network Policy is enabled on Kubernetes Engine Clusters" }),
    remediationSteps:
        'Set datapathProvider: "ADVANCED_DATAPATH" (Dataplane V2) when creating the cluster; on a legacy datapath, set networkPolicy.enabled: true.',
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        if (asString(props["datapathProvider"]) === "ADVANCED_DATAPATH") return;
        if (asRecord(props["networkPolicy"])?.["enabled"] === true) return;
        reportViolation(
            `GKE cluster ${args.name} enforces no NetworkPolicy (no Dataplane V2, no network policy add-on), so NetworkPolicy objects do nothing; set datapathProvider: "ADVANCED_DATAPATH".`,
        );
    }),
};
