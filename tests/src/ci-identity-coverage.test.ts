import * as assert from "node:assert/strict";
import { synthesizeEnvironment } from "@platform/automation";
import { GCP_DEPLOY_ROLES } from "@platform/security";
import { REPO_ROOT } from "./paths.js";

/**
 * The GCP deploy identity can create what the dr environment's stacks declare: each GCP module
 * (`gcp:<module>/...`) the synthesized stacks use has the predefined role that manages it in
 * GCP_DEPLOY_ROLES. A new module without a role fails here, not in CI's first `up`.
 */
const MODULE_ROLES: Readonly<Record<string, readonly string[]>> = {
    certificatemanager: ["roles/certificatemanager.editor"],
    compute: ["roles/compute.networkAdmin", "roles/compute.securityAdmin"],
    container: ["roles/container.admin"],
    dns: ["roles/dns.admin"],
    iam: ["roles/iam.workloadIdentityPoolAdmin"],
    kms: ["roles/cloudkms.admin"],
    logging: ["roles/logging.configWriter"],
    monitoring: [
        "roles/monitoring.alertPolicyEditor",
        "roles/monitoring.notificationChannelEditor",
        "roles/monitoring.uptimeCheckConfigEditor",
    ],
    // Project IAM members and audit configs: the conditioned Project IAM Admin (not in the list: it carries a condition).
    projects: ["roles/serviceusage.serviceUsageAdmin"],
    pubsub: ["roles/pubsub.admin"],
    redis: ["roles/redis.admin"],
    secretmanager: ["roles/secretmanager.admin"],
    serviceaccount: ["roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountUser"],
    // The private service access peering: servicenetworking.services.addPeering is in Compute Network Admin.
    servicenetworking: ["roles/compute.networkAdmin"],
    sql: ["roles/cloudsql.admin"],
    storage: ["roles/storage.admin", "roles/storagetransfer.admin"],
};

/** Modules whose resources live outside the project, so no project role can cover them. */
const OUTSIDE_THE_PROJECT: Readonly<Record<string, string>> = {
    billing: "a budget belongs to the Cloud Billing account: Billing Account Costs Manager there, granted by the billing admin",
};

describe("the GCP deploy identity covers what dr deploys", () => {
    it("every GCP module of the dr stacks has its managing role in GCP_DEPLOY_ROLES (or lives outside the project)", async () => {
        const result = await synthesizeEnvironment({ root: REPO_ROOT, env: "dr" });
        const modules = [
            ...new Set(
                result.stacks.flatMap((s) =>
                    s.resources.filter((r) => r.custom && r.type.startsWith("gcp:")).map((r) => r.type.split(/[:/]/)[1] ?? ""),
                ),
            ),
        ].sort();
        assert.deepEqual(
            modules.filter((m) => !(m in MODULE_ROLES) && !(m in OUTSIDE_THE_PROJECT)),
            [],
            "a module with no role here: add its predefined role to GCP_DEPLOY_ROLES and to MODULE_ROLES",
        );
        const deploy: readonly string[] = GCP_DEPLOY_ROLES;
        assert.deepEqual(
            modules.flatMap((m) => (MODULE_ROLES[m] ?? []).filter((role) => !deploy.includes(role)).map((role) => `${m}: ${role}`)),
            [],
        );
        assert.ok(
            modules.includes("certificatemanager") && modules.includes("monitoring"),
            "the edge's certificates and the alerts are in dr",
        );
    });
});
