import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * No client certificate (CKV_GCP_13): a cluster-admin certificate cannot be revoked and never
 * expires with the person who has it; people authenticate through IAM instead. GKE does not issue
 * one by default, so unset passes.
 */
export const gkeNoClientCertificate: ResourceValidationPolicy = {
    name: "gcp-gke-no-client-certificate",
    description: "GKE clusters do not issue a client certificate.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_13: "Ensure client certificate authentication to Kubernetes Engine Clusters is disabled" }),
    remediationSteps:
        "Set masterAuth.clientCertificateConfig.issueClientCertificate: false (or leave it unset); authenticate with gke-gcloud-auth-plugin and IAM.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        const config = asRecord(asRecord(props["masterAuth"])?.["clientCertificateConfig"]);
        if (config?.["issueClientCertificate"] === true) {
            reportViolation(
                `GKE cluster ${args.name} issues a client certificate, an admin credential that cannot be revoked; set masterAuth.clientCertificateConfig.issueClientCertificate: false.`,
            );
        }
    }),
};
