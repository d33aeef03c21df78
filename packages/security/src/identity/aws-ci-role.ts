/**
 * CI deploys without long-lived keys (seed 001 S14, issue 12): GitHub's OIDC provider in the account
 * and this environment's deploy role, assumable only by jobs of one repository's GitHub environment
 * (exact `aud` and `sub`), with the permissions of `aws-deploy-policy.ts`. Sessions last one hour.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    checkPattern,
    checkRegion,
    type ComponentNaming,
    GITHUB_ENVIRONMENT_PATTERN,
    GITHUB_OWNER_PATTERN,
    GITHUB_REPOSITORY_PATTERN,
    type GithubDeploySource,
    type Issue,
    PlatformComponent,
} from "@platform/core";
import { awsDeployPolicy, githubDeployTrustPolicy } from "./aws-deploy-policy.js";
import { AWS_STS_AUDIENCE, GITHUB_OIDC_ISSUER } from "./github.js";

/** A role session's longest life: one deployment, not a working day. */
export const CI_SESSION_SECONDS = 3600;

export interface AwsCiDeployRoleArgs {
    readonly naming: ComponentNaming;
    /** The repository and GitHub environment whose jobs may assume the role (`platform:security.github`). */
    readonly github: GithubDeploySource;
    /** Regions the role may act in: the stack's region and any replication region. */
    readonly regions: readonly string[];
    /** Production (prod, dr): the role may not switch CloudTrail, GuardDuty or Security Hub off. */
    readonly production: boolean;
    /**
     * The account's GitHub OIDC provider when another environment's stack already created it (one
     * provider per issuer per account). Unset: this component creates it.
     * @default created here
     */
    readonly existingOidcProviderArn?: pulumi.Input<string>;
}

export class AwsCiDeployRole extends PlatformComponent {
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;
    readonly oidcProviderArn: pulumi.Output<string>;

    constructor(name: string, args: AwsCiDeployRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsCiDeployRole", name, args.naming, opts);
        this.validate(validateAwsCiDeployRoleArgs(args));
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        const providerArn =
            args.existingOidcProviderArn !== undefined
                ? pulumi.output(args.existingOidcProviderArn)
                : new aws.iam.OpenIdConnectProvider(
                      this.childName("github"),
                      { url: GITHUB_OIDC_ISSUER, clientIdLists: [AWS_STS_AUDIENCE] },
                      this.childOptions(),
                  ).arn;
        const role = new aws.iam.Role(
            this.childName("deploy"),
            {
                name: this.physicalName("deploy", "iamRole"),
                description: `CI deploys of ${args.naming.project}-${args.naming.environment} from GitHub ${args.github.owner}/${args.github.repository} (environment ${args.github.environment})`,
                assumeRolePolicy: providerArn.apply((arn) => JSON.stringify(githubDeployTrustPolicy(arn, args.github))),
                maxSessionDuration: CI_SESSION_SECONDS,
            },
            this.childOptions(),
        );
        const namePrefix = `${args.naming.project}-${args.naming.environment}`;
        new aws.iam.RolePolicy(
            this.childName("deploy"),
            {
                role: role.id,
                name: "deploy",
                policy: pulumi.all([partition, accountId, role.arn]).apply(([p, account, roleArn]) =>
                    JSON.stringify(
                        awsDeployPolicy({
                            partition: p,
                            accountId: account,
                            regions: args.regions,
                            namePrefix,
                            roleArn,
                            production: args.production,
                        }),
                    ),
                ),
            },
            this.childOptions(),
        );
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.oidcProviderArn = providerArn;
        this.complete("roleArn", "roleName", "oidcProviderArn");
    }
}

/** Every problem with the GitHub source (shared by the AWS and GCP CI identities). */
export function checkGithubSource(field: string, source: GithubDeploySource): Issue[] {
    return [
        ...checkPattern(`${field}.owner`, source.owner, GITHUB_OWNER_PATTERN, "a GitHub organization or user such as acme-corp"),
        ...checkPattern(`${field}.repository`, source.repository, GITHUB_REPOSITORY_PATTERN, "a repository name such as platform"),
        ...checkPattern(
            `${field}.environment`,
            source.environment,
            GITHUB_ENVIRONMENT_PATTERN,
            "a GitHub environment name such as production",
        ),
    ];
}

/** Every problem with AwsCiDeployRole's arguments. */
export function validateAwsCiDeployRoleArgs(args: AwsCiDeployRoleArgs): Issue[] {
    return [
        ...checkGithubSource("github", args.github),
        ...(args.regions.length === 0
            ? [{ field: "regions", value: args.regions, problem: "lists no region", fix: "list the stack's region, e.g. [us-east-1]" }]
            : args.regions.flatMap((r, i) => checkRegion(`regions[${i}]`, r, "aws"))),
    ];
}
