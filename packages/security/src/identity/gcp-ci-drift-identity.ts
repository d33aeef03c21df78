/**
 * The nightly drift job's identity on GCP: a read-only service account in the deploy identity's
 * Workload Identity pool, impersonable only by the exact subject of the drift GitHub environment,
 * holding the viewer roles of `gcp-drift-roles.ts`, the state bucket's objects and the secrets
 * provider's key. Read-only, so the drift environment needs no required reviewers.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
    type ComponentNaming,
    GCP_PROJECT_PATTERN,
    checkPattern,
    type GithubDeploySource,
    type Issue,
    PlatformComponent,
} from "@platform/core";
import { checkGithubSource } from "./aws-ci-role.js";
import { roleNameSegment } from "./gcp-deploy-roles.js";
import { environmentSecretsCondition, GCP_DRIFT_ROLES } from "./gcp-drift-roles.js";
import { githubSubject } from "./github.js";

export interface GcpCiDriftIdentityArgs {
    readonly naming: ComponentNaming;
    /** The GCP project the identity lives and reads in. */
    readonly project: string;
    /** The repository and the drift job's GitHub environment. */
    readonly github: GithubDeploySource;
    /** The deploy identity's Workload Identity pool (`projects/<number>/locations/global/workloadIdentityPools/<id>`). */
    readonly poolName: pulumi.Input<string>;
    /** The state backend's GCS bucket. */
    readonly stateBucket: string;
    /**
     * The secrets provider's Cloud KMS key id.
     * @default none (a passphrase secrets provider)
     */
    readonly stateSecretsKey?: string;
}

export class GcpCiDriftIdentity extends PlatformComponent {
    readonly serviceAccountEmail: pulumi.Output<string>;

    constructor(name: string, args: GcpCiDriftIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:GcpCiDriftIdentity", name, args.naming, opts);
        this.validate(validateGcpCiDriftIdentityArgs(args));
        const project = args.project;
        const account = new gcp.serviceaccount.Account(
            this.childName("drift"),
            {
                project,
                accountId: this.physicalName("drift", "gcpServiceAccount"),
                displayName: `Nightly drift checks (read-only) of ${args.naming.project}-${args.naming.environment}`,
            },
            this.childOptions(),
        );
        new gcp.serviceaccount.IAMMember(
            this.childName("drift-wif"),
            {
                serviceAccountId: account.name,
                role: "roles/iam.workloadIdentityUser",
                member: pulumi
                    .output(args.poolName)
                    .apply((pool) => `principal://iam.googleapis.com/${pool}/subject/${githubSubject(args.github)}`),
            },
            this.childOptions(),
        );
        for (const role of GCP_DRIFT_ROLES) {
            new gcp.projects.IAMMember(
                this.childName(`drift-${roleNameSegment(role)}`),
                { project, role, member: account.member },
                this.childOptions(),
            );
        }
        const projectNumber = gcp.organizations.getProjectOutput({ projectId: project }, { parent: this }).number;
        new gcp.projects.IAMMember(
            this.childName("drift-secret-values"),
            {
                project,
                role: "roles/secretmanager.secretAccessor",
                member: account.member,
                condition: projectNumber.apply((n) => environmentSecretsCondition(n, `${args.naming.project}-${args.naming.environment}`)),
            },
            this.childOptions(),
        );
        new gcp.storage.BucketIAMMember(
            this.childName("drift-state"),
            { bucket: args.stateBucket, role: "roles/storage.objectViewer", member: account.member },
            this.childOptions(),
        );
        if (args.stateSecretsKey !== undefined) {
            new gcp.kms.CryptoKeyIAMMember(
                this.childName("drift-state-key"),
                { cryptoKeyId: args.stateSecretsKey, role: "roles/cloudkms.cryptoKeyDecrypter", member: account.member },
                this.childOptions(),
            );
        }
        this.serviceAccountEmail = account.email;
        this.complete("serviceAccountEmail");
    }
}

/** Every problem with GcpCiDriftIdentity's arguments. */
export function validateGcpCiDriftIdentityArgs(args: GcpCiDriftIdentityArgs): Issue[] {
    return [
        ...checkPattern("project", args.project, GCP_PROJECT_PATTERN, "a GCP project id such as acme-dr-prod"),
        ...checkGithubSource("github", args.github),
    ];
}
