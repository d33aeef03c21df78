/**
 * GKE identities as data. Nodes run as a dedicated service account with only the roles a node
 * needs (logs, metrics, resource metadata, autoscaler metrics, image pulls), never the Compute
 * Engine default account with Editor. Google-managed service agents get the keys they use: the
 * GKE agent the `secrets` key (application-layer secrets encryption), the Compute agent the
 * `data` key (CMEK boot disks).
 */

/** The node service account's project roles (GKE's documented least-privilege node set, plus image pulls). */
export const GKE_NODE_ROLES = [
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
    "roles/autoscaling.metricsWriter",
    "roles/artifactregistry.reader",
] as const;

/** The role service agents need on a CMEK key. */
export const KMS_ENCRYPTER_DECRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

/** The GKE service agent of a project (by number): it encrypts secrets with the cluster's key. */
export function gkeServiceAgent(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`;
}

/** The Compute Engine service agent of a project: it encrypts CMEK boot disks. */
export function computeServiceAgent(projectNumber: string): string {
    return `serviceAccount:service-${projectNumber}@compute-system.iam.gserviceaccount.com`;
}

/** `roles/logging.logWriter` -> `logging-logwriter`: a child-name segment. */
export function roleKey(role: string): string {
    return role
        .replace(/^roles\//, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
}
