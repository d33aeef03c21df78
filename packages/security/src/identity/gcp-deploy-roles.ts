/**
 * The GCP CI service account's project roles as data (tests check them one by one): predefined
 * roles for the services the platform manages, never a basic role (owner, editor, viewer). The one
 * role that could escalate, Project IAM Admin, carries a condition: CI may grant only the roles the
 * platform's own service accounts receive.
 */
import { GCP_DRIFT_ROLES } from "./gcp-drift-roles.js";

/** Predefined roles for the services the platform's stacks manage on GCP. */
export const GCP_DEPLOY_ROLES = [
    "roles/certificatemanager.editor",
    "roles/cloudkms.admin",
    "roles/cloudsql.admin",
    "roles/compute.networkAdmin",
    "roles/compute.securityAdmin",
    "roles/container.admin",
    "roles/dns.admin",
    "roles/iam.serviceAccountAdmin",
    "roles/iam.serviceAccountUser",
    "roles/iam.workloadIdentityPoolAdmin",
    "roles/logging.configWriter",
    // Cloud alerts (data and platform layers): policies, their email channels, uptime checks.
    "roles/monitoring.alertPolicyEditor",
    "roles/monitoring.notificationChannelEditor",
    "roles/monitoring.uptimeCheckConfigEditor",
    "roles/pubsub.admin",
    "roles/redis.admin",
    "roles/secretmanager.admin",
    "roles/serviceusage.serviceUsageAdmin",
    "roles/storage.admin",
    "roles/storagetransfer.admin",
] as const;

/** The project roles the platform grants to its own identities (and so the only ones CI may grant). */
export const GCP_GRANTABLE_ROLES = [
    "roles/artifactregistry.reader",
    "roles/autoscaling.metricsWriter",
    "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    "roles/dns.admin",
    "roles/dns.reader",
    "roles/iam.workloadIdentityUser",
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/pubsub.publisher",
    "roles/pubsub.subscriber",
    "roles/secretmanager.secretAccessor",
    "roles/stackdriver.resourceMetadata.writer",
    "roles/storage.objectAdmin",
] as const;

/**
 * The IAM condition on CI's Project IAM Admin grant: it may add or remove only the grantable roles
 * and the drift identity's read-only ones.
 */
export function grantableRolesCondition(): { title: string; description: string; expression: string } {
    const roles = [...new Set<string>([...GCP_GRANTABLE_ROLES, ...GCP_DRIFT_ROLES])].sort();
    return {
        title: "platform-roles-only",
        description: "CI may grant and revoke only the roles the platform gives its own service accounts",
        expression: `api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([${roles.map((r) => `'${r}'`).join(", ")}])`,
    };
}

/** A role as a child-name segment: `roles/iam.serviceAccountUser` -> `iam-serviceaccountuser`. */
export function roleNameSegment(role: string): string {
    return role
        .replace(/^roles\//, "")
        .replace(/\./g, "-")
        .toLowerCase();
}
