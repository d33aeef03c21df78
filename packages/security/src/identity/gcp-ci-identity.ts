/**
 * CI deploys without service account keys on GCP: a Workload Identity Federation pool with a GitHub
 * provider whose attribute condition admits only one repository's tokens, and this environment's
 * deploy service account, impersonable only by the exact subject of one GitHub environment
 * (`principal://.../subject/repo:<owner>/<repo>:environment:<env>`), holding the roles of
 * `gcp-deploy-roles.ts`.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    type ComponentNaming,
    GCP_PROJECT_PATTERN,
    checkPattern,
    type GithubDeploySource,
    type Issue,
    PlatformComponent,
} from "@platform/core";
import { checkGithubSource } from "./aws-ci-role.js";
import { GCP_DEPLOY_ROLES, grantableRolesCondition, roleNameSegment } from "./gcp-deploy-roles.js";
import { GITHUB_OIDC_ISSUER, githubRepositoryPath, githubSubject } from "./github.js";

/** Claims mapped into the pool's attributes (a condition or binding can use only mapped ones). */
export const GITHUB_ATTRIBUTE_MAPPING = {
    "google.subject": "assertion.sub",
    "attribute.repository": "assertion.repository",
    "attribute.repository_owner": "assertion.repository_owner",
    "attribute.environment": "assertion.environment",
} as const;

/** The provider's attribute condition: tokens of any other repository are refused at the token exchange. */
export function githubAttributeCondition(source: GithubDeploySource): string {
    return `assertion.repository == "${githubRepositoryPath(source)}" && assertion.repository_owner == "${source.owner}"`;
}

export interface GcpCiDeployIdentityArgs {
    readonly naming: ComponentNaming;
    /** The GCP project the identity lives and deploys in. */
    readonly project: string;
    /** The repository and GitHub environment whose jobs may impersonate the service account. */
    readonly github: GithubDeploySource;
}

export class GcpCiDeployIdentity extends PlatformComponent {
    readonly serviceAccountEmail: pulumi.Output<string>;
    /** The provider's resource name, what `google-github-actions/auth` takes as `workload_identity_provider`. */
    readonly workloadIdentityProvider: pulumi.Output<string>;
    /** The pool's resource name (`projects/<number>/locations/global/workloadIdentityPools/<id>`): the drift identity's principals are in it. */
    readonly poolName: pulumi.Output<string>;

    constructor(name: string, args: GcpCiDeployIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:GcpCiDeployIdentity", name, args.naming, opts);
        this.validate(validateGcpCiDeployIdentityArgs(args));
        const project = args.project;
        const pool = new gcp.iam.WorkloadIdentityPool(
            this.childName("pool"),
            {
                project,
                workloadIdentityPoolId: this.physicalName("pool", "workloadIdentityPool"),
                displayName: `${args.naming.environment} CI`,
                description: `GitHub Actions of ${githubRepositoryPath(args.github)}`,
            },
            this.childOptions(),
        );
        const provider = new gcp.iam.WorkloadIdentityPoolProvider(
            this.childName("github"),
            {
                project,
                workloadIdentityPoolId: pool.workloadIdentityPoolId,
                workloadIdentityPoolProviderId: "github",
                displayName: "GitHub Actions",
                attributeMapping: { ...GITHUB_ATTRIBUTE_MAPPING },
                attributeCondition: githubAttributeCondition(args.github),
                oidc: { issuerUri: GITHUB_OIDC_ISSUER },
            },
            this.childOptions(),
        );
        const account = new gcp.serviceaccount.Account(
            this.childName("deploy"),
            {
                project,
                accountId: this.physicalName("deploy", "gcpServiceAccount"),
                displayName: `CI deploys of ${args.naming.project}-${args.naming.environment}`,
            },
            this.childOptions(),
        );
        new gcp.serviceaccount.IAMMember(
            this.childName("deploy-wif"),
            {
                serviceAccountId: account.name,
                role: "roles/iam.workloadIdentityUser",
                member: pool.name.apply((poolName) => `principal://iam.googleapis.com/${poolName}/subject/${githubSubject(args.github)}`),
            },
            this.childOptions(),
        );
        for (const role of GCP_DEPLOY_ROLES) {
            new gcp.projects.IAMMember(
                this.childName(`deploy-${roleNameSegment(role)}`),
                { project, role, member: account.member },
                this.childOptions(),
            );
        }
        new gcp.projects.IAMMember(
            this.childName("deploy-project-iam-admin"),
            { project, role: "roles/resourcemanager.projectIamAdmin", member: account.member, condition: grantableRolesCondition() },
            this.childOptions(),
        );
        this.serviceAccountEmail = account.email;
        this.workloadIdentityProvider = provider.name;
        this.poolName = pool.name;
        this.complete("serviceAccountEmail", "workloadIdentityProvider", "poolName");
    }
}

/** Every problem with GcpCiDeployIdentity's arguments. */
export function validateGcpCiDeployIdentityArgs(args: GcpCiDeployIdentityArgs): Issue[] {
    return [
        ...checkPattern("project", args.project, GCP_PROJECT_PATTERN, "a GCP project id such as acme-dr-prod"),
        ...checkGithubSource("github", args.github),
    ];
}
