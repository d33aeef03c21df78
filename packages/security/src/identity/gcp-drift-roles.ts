/**
 * The GCP drift service account's roles as data (tests check them one by one): the predefined
 * viewer role of each service the platform manages, never a basic role (viewer reads too much:
 * every object and secret). Secret values only of the environment's own secrets (refreshing a
 * secret version reads it), through an IAM condition on the resource name.
 */

/** Predefined read-only roles for the services of GCP_DEPLOY_ROLES. */
export const GCP_DRIFT_ROLES = [
    "roles/certificatemanager.viewer",
    "roles/cloudkms.viewer",
    "roles/cloudsql.viewer",
    "roles/compute.viewer",
    "roles/container.viewer",
    "roles/dns.reader",
    "roles/iam.securityReviewer",
    "roles/iam.serviceAccountViewer",
    "roles/iam.workloadIdentityPoolViewer",
    "roles/logging.viewer",
    "roles/monitoring.viewer",
    "roles/pubsub.viewer",
    "roles/redis.viewer",
    "roles/secretmanager.viewer",
    "roles/serviceusage.serviceUsageViewer",
    "roles/storage.bucketViewer",
    "roles/storagetransfer.viewer",
] as const;

/** The condition on the drift account's Secret Accessor grant: only the environment's secrets (`<prefix>-*`). */
export function environmentSecretsCondition(
    projectNumber: string,
    namePrefix: string,
): { title: string; description: string; expression: string } {
    return {
        title: "environment-secrets-only",
        description: `Secret values of ${namePrefix}-* only`,
        expression: `resource.name.startsWith("projects/${projectNumber}/secrets/${namePrefix}-")`,
    };
}
