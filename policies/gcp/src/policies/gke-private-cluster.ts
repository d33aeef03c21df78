import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

const OPEN_TO_ALL = ["0.0.0.0/0", "::/0"];

/**
 * GKE clusters have private nodes, and a private endpoint or an endpoint limited to master
 * authorized networks (CKV_GCP_25/20/64, seed 003 "Private API endpoint"): nodes with public IPs
 * and an API server open to the internet are the two ways a cluster gets found and attacked.
 * Authorized networks must not contain 0.0.0.0/0 (CKV_GCP_18; with a private endpoint too), and Google's public ranges must not be let in
 * (`gcpPublicCidrsAccessEnabled`). Unset `privateClusterConfig` means public nodes.
 */
export const gkePrivateCluster: ResourceValidationPolicy = {
    name: "gcp-gke-private-cluster",
    description: "GKE clusters have private nodes and a private or allow-listed API endpoint.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_GCP_25: "Ensure Kubernetes Cluster is created with Private cluster enabled",
        CKV_GCP_20: "Ensure master authorized networks is set to enabled in GKE clusters",
        CKV_GCP_64: "Ensure clusters are created with Private Nodes",
        CKV_GCP_18: "Ensure GKE Control Plane is not public",
    }),
    remediationSteps:
        "Set privateClusterConfig.enablePrivateNodes: true and enablePrivateEndpoint: true; if the API must be reachable from outside the VPC, set masterAuthorizedNetworksConfig.cidrBlocks to the networks that need it (never 0.0.0.0/0) and gcpPublicCidrsAccessEnabled: false.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/legacy/network-isolation",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        const privateConfig = asRecord(props["privateClusterConfig"]) ?? {};
        if (privateConfig["enablePrivateNodes"] !== true) {
            reportViolation(
                `GKE cluster ${args.name} does not set privateClusterConfig.enablePrivateNodes: true, so its nodes get public IPs; enable private nodes.`,
            );
        }
        const authorized = asRecord(props["masterAuthorizedNetworksConfig"]);
        const blocks = (asArray(authorized?.["cidrBlocks"]) ?? [])
            .map((b) => asNonEmptyString(asRecord(b)?.["cidrBlock"]))
            .filter((b): b is string => b !== undefined);
        const fix =
            "set enablePrivateEndpoint: true, or list only the networks that need the API in masterAuthorizedNetworksConfig.cidrBlocks";
        const open = blocks.filter((b) => OPEN_TO_ALL.includes(b));
        if (privateConfig["enablePrivateEndpoint"] === true) {
            // A private endpoint with 0.0.0.0/0 authorized is one flag away from an open API (CKV_GCP_18).
            if (open.length > 0)
                reportViolation(`GKE cluster ${args.name} authorizes ${open.join(", ")} to reach its endpoint; remove it.`);
            return;
        }
        if (authorized === undefined || blocks.length === 0) {
            reportViolation(
                `GKE cluster ${args.name} has a public endpoint without master authorized networks, so the API is open to the internet; ${fix}.`,
            );
            return;
        }
        if (open.length > 0) {
            reportViolation(`GKE cluster ${args.name} authorizes ${open.join(", ")} to reach its public endpoint; ${fix}.`);
        }
        if (authorized["gcpPublicCidrsAccessEnabled"] === true) {
            reportViolation(
                `GKE cluster ${args.name} lets Google Cloud's public IP ranges reach its endpoint (gcpPublicCidrsAccessEnabled); set it to false.`,
            );
        }
    }),
};
