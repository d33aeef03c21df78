import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    GCP_DEPLOY_ROLES,
    GcpCiDeployIdentity,
    type GcpCiDeployIdentityArgs,
    githubAttributeCondition,
    grantableRolesCondition,
} from "../../src/index.js";

const github = { owner: "acme-corp", repository: "platform", environment: "dr" };
const base: GcpCiDeployIdentityArgs = { naming: { project: "acme", environment: "dr" }, project: "acme-dr-prod", github };
const MEMBER = "gcp:projects/iAMMember:IAMMember";
const SA = "serviceAccount:acme-dr-ci-deploy@acme-dr-prod.iam.gserviceaccount.com";

async function synth(args: GcpCiDeployIdentityArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GcpCiDeployIdentity("ci", args) })).resources;
}

describe("GcpCiDeployIdentity", () => {
    it("a pool and a GitHub provider admitting one repository, mapping the claims bindings use", async () => {
        const resources = await synth(base);
        const pool = findResource(resources, "gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "ci-pool");
        assert.deepEqual([pool.inputs["project"], pool.inputs["workloadIdentityPoolId"]], ["acme-dr-prod", "acme-dr-ci-pool"]);
        const provider = findResource(resources, "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "ci-github");
        assert.deepEqual(
            [
                provider.inputs["workloadIdentityPoolId"],
                provider.inputs["workloadIdentityPoolProviderId"],
                provider.inputs["oidc"],
                provider.inputs["attributeCondition"],
            ],
            [
                "acme-dr-ci-pool",
                "github",
                { issuerUri: "https://token.actions.githubusercontent.com" },
                'assertion.repository == "acme-corp/platform" && assertion.repository_owner == "acme-corp"',
            ],
        );
        assert.deepEqual(provider.inputs["attributeMapping"], {
            "google.subject": "assertion.sub",
            "attribute.repository": "assertion.repository",
            "attribute.repository_owner": "assertion.repository_owner",
            "attribute.environment": "assertion.environment",
        });
        assert.equal(githubAttributeCondition(github), provider.inputs["attributeCondition"]);
    });

    it("only the GitHub environment's exact subject may impersonate the service account", async () => {
        const resources = await synth(base);
        const account = findResource(resources, "gcp:serviceaccount/account:Account", "ci-deploy");
        assert.equal(account.inputs["accountId"], "acme-dr-ci-deploy");
        const wif = ofType(resources, "gcp:serviceaccount/iAMMember:IAMMember");
        assert.deepEqual(
            wif.map((m) => [m.name, m.inputs["role"], m.inputs["member"]]),
            [
                [
                    "ci-deploy-wif",
                    "roles/iam.workloadIdentityUser",
                    "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dr-ci-pool/subject/repo:acme-corp/platform:environment:dr",
                ],
            ],
        );
    });

    it("project roles: the predefined roles of the managed services, never a basic role, and a conditioned Project IAM Admin", async () => {
        const resources = await synth(base);
        const grants = ofType(resources, MEMBER);
        assert.deepEqual(
            grants.map((g) => [g.inputs["role"], g.inputs["member"], g.inputs["condition"] ?? null]),
            [...GCP_DEPLOY_ROLES.map((role) => [role, SA, null]), ["roles/resourcemanager.projectIamAdmin", SA, grantableRolesCondition()]],
        );
        assert.equal(grants.length, 21);
        assert.ok(grants.every((g) => !["roles/owner", "roles/editor", "roles/viewer"].includes(String(g.inputs["role"]))));
        assert.equal(
            grantableRolesCondition().expression,
            "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/artifactregistry.reader', 'roles/autoscaling.metricsWriter', 'roles/certificatemanager.viewer', 'roles/cloudkms.cryptoKeyEncrypterDecrypter', 'roles/cloudkms.viewer', 'roles/cloudsql.viewer', 'roles/compute.viewer', 'roles/container.viewer', 'roles/dns.admin', 'roles/dns.reader', 'roles/iam.securityReviewer', 'roles/iam.serviceAccountViewer', 'roles/iam.workloadIdentityPoolViewer', 'roles/iam.workloadIdentityUser', 'roles/logging.logWriter', 'roles/logging.viewer', 'roles/monitoring.metricWriter', 'roles/monitoring.viewer', 'roles/pubsub.publisher', 'roles/pubsub.subscriber', 'roles/pubsub.viewer', 'roles/redis.viewer', 'roles/secretmanager.secretAccessor', 'roles/secretmanager.viewer', 'roles/serviceusage.serviceUsageViewer', 'roles/stackdriver.resourceMetadata.writer', 'roles/storage.bucketViewer', 'roles/storage.objectAdmin', 'roles/storagetransfer.viewer'])",
        );
    });

    it("rejects a bad project and a wildcard repository, listing both", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth({ ...base, project: "Acme_DR", github: { ...github, repository: "*" } }))),
            [
                ["project", "is not a GCP project id such as acme-dr-prod"],
                ["github.repository", "is not a repository name such as platform"],
            ],
        );
    });
});
