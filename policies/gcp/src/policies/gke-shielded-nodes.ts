import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Shielded GKE nodes with secure boot (CKV_GCP_71/68): shielded nodes prove their identity to the
 * control plane (a stolen bootstrap credential cannot impersonate a node), and secure boot refuses
 * unsigned kernels and rootkits. `enableShieldedNodes` defaults to true, so only an explicit false
 * fails on a cluster; secure boot defaults to off, so a node pool must set it. Integrity
 * monitoring (CKV_GCP_72) reports a node whose boot measurements changed: a `shieldedInstanceConfig`
 * (on a pool, or a cluster's default `nodeConfig`) must say `enableIntegrityMonitoring: true`, as
 * Checkov reads it; a node config without the block keeps GKE's default (on).
 */
export const gkeShieldedNodes: ResourceValidationPolicy = {
    name: "gcp-gke-shielded-nodes",
    description: "GKE clusters keep shielded nodes on and node pools boot securely.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_GCP_71: "Ensure Shielded GKE Nodes are Enabled",
        CKV_GCP_68: "Ensure Secure Boot for Shielded GKE Nodes is Enabled",
        CKV_GCP_72: "Ensure Integrity Monitoring for Shielded GKE Nodes is Enabled",
    }),
    remediationSteps:
        "Leave enableShieldedNodes unset or true on the cluster, and set nodeConfig.shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true } on every node pool.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster, GCP_TYPES.containerNodePool], (props, args, reportViolation) => {
        const shielded = asRecord(asRecord(props["nodeConfig"])?.["shieldedInstanceConfig"]);
        const what = args.type === GCP_TYPES.containerCluster ? "GKE cluster" : "node pool";
        if (shielded !== undefined && shielded["enableIntegrityMonitoring"] !== true) {
            reportViolation(
                `${what} ${args.name} sets nodeConfig.shieldedInstanceConfig without enableIntegrityMonitoring: true, so a tampered boot goes unreported; set it to true.`,
            );
        }
        if (args.type === GCP_TYPES.containerCluster) {
            if (props["enableShieldedNodes"] === false) {
                reportViolation(`GKE cluster ${args.name} sets enableShieldedNodes: false; remove it or set it to true.`);
            }
            return;
        }
        if (shielded?.["enableSecureBoot"] !== true) {
            reportViolation(
                `node pool ${args.name} does not set nodeConfig.shieldedInstanceConfig.enableSecureBoot: true, so its nodes boot unverified kernels; enable secure boot.`,
            );
        }
    }),
};
