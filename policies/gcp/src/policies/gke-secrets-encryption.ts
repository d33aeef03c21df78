import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asRecord, asString, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Application-layer secrets encryption with a Cloud KMS key (seed rule 17, seeds 000/002/003
 * "Kubernetes secrets encrypted at rest"): secrets in etcd are then encrypted with a key the
 * platform controls and can revoke. Unset `databaseEncryption` means Google-managed encryption only.
 */
export const gkeSecretsEncryption: ResourceValidationPolicy = {
    name: "gcp-gke-secrets-encryption",
    description: "GKE clusters encrypt Kubernetes secrets with a Cloud KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("000", "002", "003"),
    remediationSteps:
        'Set databaseEncryption: { state: "ENCRYPTED", keyName: <Cloud KMS crypto key id in the cluster\'s region> } and grant the GKE service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.',
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        const encryption = asRecord(props["databaseEncryption"]);
        const state = asString(encryption?.["state"]);
        if (state === "ENCRYPTED" && asNonEmptyString(encryption?.["keyName"]) !== undefined) return;
        const detail =
            encryption === undefined
                ? "does not set databaseEncryption"
                : `sets databaseEncryption state ${state ?? "(unset)"} and keyName ${asNonEmptyString(encryption["keyName"]) ?? "(unset)"}`;
        reportViolation(
            `GKE cluster ${args.name} ${detail}, so secrets are not encrypted with a key the platform controls; set state ENCRYPTED with a Cloud KMS keyName.`,
        );
    }),
};
