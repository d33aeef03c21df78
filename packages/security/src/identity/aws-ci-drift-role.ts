/**
 * The nightly drift job's identity on AWS: a read-only role assumable only by jobs of one
 * repository's drift GitHub environment (never the deploy environment), with the permissions of
 * `aws-drift-policy.ts`. A read-only identity needs no required reviewers, so drift runs every
 * night on prod too without waiting for the production environment's approval.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkRegion, type ComponentNaming, type GithubDeploySource, type Issue, PlatformComponent } from "@platform/core";
import { checkGithubSource, CI_SESSION_SECONDS } from "./aws-ci-role.js";
import { githubDeployTrustPolicy } from "./aws-deploy-policy.js";
import { awsDriftPolicy } from "./aws-drift-policy.js";

export interface AwsCiDriftRoleArgs {
    readonly naming: ComponentNaming;
    /** The repository and the drift job's GitHub environment (`platform:security.github.driftEnvironment`). */
    readonly github: GithubDeploySource;
    /** The account's GitHub OIDC provider (the deploy role's component creates it). */
    readonly oidcProviderArn: pulumi.Input<string>;
    /** Regions the platform runs in: the stack's and any replication region. */
    readonly regions: readonly string[];
    /** The state backend's bucket (`platform:security.stateBackend.bucket`). */
    readonly stateBucket: string;
    /**
     * The secrets provider's key ARN (`platform:security.stateBackend.secretsKey`).
     * @default none (a passphrase secrets provider)
     */
    readonly stateSecretsKeyArn?: string;
}

export class AwsCiDriftRole extends PlatformComponent {
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;

    constructor(name: string, args: AwsCiDriftRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsCiDriftRole", name, args.naming, opts);
        this.validate(validateAwsCiDriftRoleArgs(args));
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const role = new aws.iam.Role(
            this.childName("drift"),
            {
                name: this.physicalName("drift", "iamRole"),
                description: `Nightly drift checks (read-only) of ${args.naming.project}-${args.naming.environment} from GitHub ${args.github.owner}/${args.github.repository} (environment ${args.github.environment})`,
                assumeRolePolicy: pulumi
                    .output(args.oidcProviderArn)
                    .apply((arn) => JSON.stringify(githubDeployTrustPolicy(arn, args.github))),
                maxSessionDuration: CI_SESSION_SECONDS,
            },
            this.childOptions(),
        );
        new aws.iam.RolePolicy(
            this.childName("drift"),
            {
                role: role.id,
                name: "drift",
                policy: pulumi.all([partition, accountId]).apply(([p, account]) =>
                    JSON.stringify(
                        awsDriftPolicy({
                            partition: p,
                            accountId: account,
                            regions: args.regions,
                            namePrefix: `${args.naming.project}-${args.naming.environment}`,
                            stateBucket: args.stateBucket,
                            ...(args.stateSecretsKeyArn !== undefined ? { stateSecretsKeyArn: args.stateSecretsKeyArn } : {}),
                        }),
                    ),
                ),
            },
            this.childOptions(),
        );
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.complete("roleArn", "roleName");
    }
}

/** Every problem with AwsCiDriftRole's arguments. */
export function validateAwsCiDriftRoleArgs(args: AwsCiDriftRoleArgs): Issue[] {
    return [
        ...checkGithubSource("github", args.github),
        ...(args.regions.length === 0
            ? [{ field: "regions", value: args.regions, problem: "lists no region", fix: "list the stack's region, e.g. [us-east-1]" }]
            : args.regions.flatMap((r, i) => checkRegion(`regions[${i}]`, r, "aws"))),
        ...(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(args.stateBucket)
            ? []
            : [
                  {
                      field: "stateBucket",
                      value: args.stateBucket,
                      problem: "is not an S3 bucket name",
                      fix: "use the bucket of PULUMI_BACKEND_URL, e.g. acme-pulumi-state",
                  },
              ]),
    ];
}
