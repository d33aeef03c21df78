import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    AwsCiDeployRole,
    type AwsCiDeployRoleArgs,
    awsDeployPolicy,
    DEPLOY_IAM_ACTIONS,
    DEPLOY_SERVICES,
    githubDeployTrustPolicy,
    type IamStatement,
} from "../../src/index.js";

const github = { owner: "acme-corp", repository: "platform", environment: "production" };
const base: AwsCiDeployRoleArgs = {
    naming: { project: "acme", environment: "prod" },
    github,
    regions: ["us-east-1", "us-west-2"],
    production: true,
};
const ROLE_ARN = "arn:aws:iam::111111111111:role/acme-prod-ci-deploy";

async function synth(args: AwsCiDeployRoleArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new AwsCiDeployRole("ci", args, opts) })).resources;
}

function statement(doc: { Statement: readonly IamStatement[] }, sid: string): IamStatement {
    return doc.Statement.find((s) => s.Sid === sid) ?? assert.fail(`no statement ${sid}`);
}

describe("githubDeployTrustPolicy", () => {
    it("trusts exactly one repository's GitHub environment, through the OIDC provider, for STS only", () => {
        assert.deepEqual(githubDeployTrustPolicy("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", github), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "GitHubActionsEnvironment",
                    Effect: "Allow",
                    Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: {
                            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                            "token.actions.githubusercontent.com:sub": "repo:acme-corp/platform:environment:production",
                        },
                    },
                },
            ],
        });
    });
});

describe("awsDeployPolicy", () => {
    const ctx = {
        partition: "aws",
        accountId: "111111111111",
        regions: ["us-east-1", "us-west-2"],
        namePrefix: "acme-prod",
        roleArn: ROLE_ARN,
        production: true,
    };
    const doc = awsDeployPolicy(ctx);

    it("has exactly these statements, in order (the audit deny only in production)", () => {
        assert.deepEqual(
            doc.Statement.map((s) => [s.Sid, s.Effect]),
            [
                ["ManagePlatformServices", "Allow"],
                ["ManageEnvironmentRoles", "Allow"],
                ["PassEnvironmentRoles", "Allow"],
                ["ServiceLinkedRoles", "Allow"],
                ["ClusterOidcProviders", "Allow"],
                ["NeverItself", "Deny"],
                ["NoLongLivedCredentials", "Deny"],
                ["KeepAuditOn", "Deny"],
            ],
        );
        assert.deepEqual(
            awsDeployPolicy({ ...ctx, production: false }).Statement.map((s) => s.Sid),
            [
                "ManagePlatformServices",
                "ManageEnvironmentRoles",
                "PassEnvironmentRoles",
                "ServiceLinkedRoles",
                "ClusterOidcProviders",
                "NeverItself",
                "NoLongLivedCredentials",
            ],
        );
    });

    it("ManagePlatformServices: the platform's services (no IAM, STS or Organizations), only in its regions and us-east-1", () => {
        assert.deepEqual(statement(doc, "ManagePlatformServices"), {
            Sid: "ManagePlatformServices",
            Effect: "Allow",
            Action: DEPLOY_SERVICES.map((s) => `${s}:*`),
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } },
        });
        assert.equal(DEPLOY_SERVICES.length, 25);
        for (const forbidden of ["iam", "sts", "organizations", "account", "*"]) {
            assert.ok(!(DEPLOY_SERVICES as readonly string[]).includes(forbidden), forbidden);
        }
        assert.deepEqual(
            (statement(awsDeployPolicy({ ...ctx, regions: ["eu-west-1"] }), "ManagePlatformServices").Condition ?? {})["StringEquals"],
            { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] },
            "us-east-1 is added for IAM and Route 53, which are global",
        );
    });

    it("ManageEnvironmentRoles: role and policy actions only on the environment's name prefix", () => {
        assert.deepEqual(statement(doc, "ManageEnvironmentRoles"), {
            Sid: "ManageEnvironmentRoles",
            Effect: "Allow",
            Action: [...DEPLOY_IAM_ACTIONS],
            Resource: ["arn:aws:iam::111111111111:role/acme-prod-*", "arn:aws:iam::111111111111:policy/acme-prod-*"],
        });
        assert.equal(DEPLOY_IAM_ACTIONS.length, 24);
        assert.ok(DEPLOY_IAM_ACTIONS.every((a) => a.startsWith("iam:") && !a.includes("*")));
        assert.ok(!(DEPLOY_IAM_ACTIONS as readonly string[]).includes("iam:PassRole"));
    });

    it("PassEnvironmentRoles: the environment's roles, only to the services that run them", () => {
        assert.deepEqual(statement(doc, "PassEnvironmentRoles"), {
            Sid: "PassEnvironmentRoles",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: "arn:aws:iam::111111111111:role/acme-prod-*",
            Condition: {
                StringEquals: {
                    "iam:PassedToService": [
                        "backup.amazonaws.com",
                        "ec2.amazonaws.com",
                        "eks.amazonaws.com",
                        "monitoring.rds.amazonaws.com",
                        "pods.eks.amazonaws.com",
                        "rds.amazonaws.com",
                        "s3.amazonaws.com",
                        "vpc-flow-logs.amazonaws.com",
                    ],
                },
            },
        });
    });

    it("ServiceLinkedRoles and ClusterOidcProviders: service-linked roles, and the EKS issuers only", () => {
        assert.deepEqual(statement(doc, "ServiceLinkedRoles"), {
            Sid: "ServiceLinkedRoles",
            Effect: "Allow",
            Action: "iam:CreateServiceLinkedRole",
            Resource: "arn:aws:iam::111111111111:role/aws-service-role/*",
        });
        assert.deepEqual(statement(doc, "ClusterOidcProviders"), {
            Sid: "ClusterOidcProviders",
            Effect: "Allow",
            Action: [
                "iam:CreateOpenIDConnectProvider",
                "iam:DeleteOpenIDConnectProvider",
                "iam:GetOpenIDConnectProvider",
                "iam:TagOpenIDConnectProvider",
                "iam:UpdateOpenIDConnectProviderThumbprint",
            ],
            Resource: "arn:aws:iam::111111111111:oidc-provider/oidc.eks.*",
        });
    });

    it("denies rewriting itself, IAM users and keys, and (production) switching the audit off", () => {
        assert.deepEqual(statement(doc, "NeverItself"), {
            Sid: "NeverItself",
            Effect: "Deny",
            Action: [
                "iam:AttachRolePolicy",
                "iam:DeleteRole",
                "iam:DeleteRolePolicy",
                "iam:DetachRolePolicy",
                "iam:PutRolePolicy",
                "iam:UpdateAssumeRolePolicy",
            ],
            Resource: ROLE_ARN,
        });
        assert.deepEqual(statement(doc, "NoLongLivedCredentials"), {
            Sid: "NoLongLivedCredentials",
            Effect: "Deny",
            Action: ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser"],
            Resource: "*",
        });
        assert.deepEqual(statement(doc, "KeepAuditOn"), {
            Sid: "KeepAuditOn",
            Effect: "Deny",
            Action: [
                "cloudtrail:DeleteTrail",
                "cloudtrail:StopLogging",
                "cloudtrail:UpdateTrail",
                "guardduty:DeleteDetector",
                "guardduty:UpdateDetector",
                "securityhub:DisableSecurityHub",
            ],
            Resource: "*",
        });
    });
});

describe("AwsCiDeployRole", () => {
    it("creates GitHub's OIDC provider, the role with the trust and a one-hour session, and the inline deploy policy", async () => {
        const resources = await synth(base);
        assert.deepEqual(
            resources.filter((r) => r.custom).map((r) => `${r.type} ${r.name}`),
            [
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider ci-github",
                "aws:iam/role:Role ci-deploy",
                "aws:iam/rolePolicy:RolePolicy ci-deploy",
            ],
        );
        const provider = findResource(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "ci-github");
        assert.deepEqual(provider.inputs, { url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] });
        const role = findResource(resources, "aws:iam/role:Role", "ci-deploy");
        assert.equal(role.inputs["name"], "acme-prod-ci-deploy");
        assert.equal(role.inputs["maxSessionDuration"], 3600);
        assert.deepEqual(
            JSON.parse(String(role.inputs["assumeRolePolicy"])),
            githubDeployTrustPolicy("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", github),
        );
        const policy = findResource(resources, "aws:iam/rolePolicy:RolePolicy", "ci-deploy");
        assert.equal(policy.inputs["name"], "deploy");
        assert.deepEqual(
            JSON.parse(String(policy.inputs["policy"])),
            awsDeployPolicy({
                partition: "aws",
                accountId: "111111111111",
                regions: ["us-east-1", "us-west-2"],
                namePrefix: "acme-prod",
                roleArn: ROLE_ARN,
                production: true,
            }),
        );
    });

    it("uses an existing OIDC provider when given one, and creates none", async () => {
        const existing = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
        const resources = await synth({ ...base, existingOidcProviderArn: existing });
        assert.deepEqual(ofType(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider"), []);
        const trust = JSON.parse(String(findResource(resources, "aws:iam/role:Role", "ci-deploy").inputs["assumeRolePolicy"])) as {
            Statement: { Principal: { Federated: string } }[];
        };
        assert.equal(trust.Statement[0]?.Principal.Federated, existing);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsCiDeployRoleArgs>, Array<[string, string]>]> = [
            [
                "a wildcard repository",
                { github: { ...github, repository: "*" } },
                [["github.repository", "is not a repository name such as platform"]],
            ],
            [
                "an owner with a slash",
                { github: { ...github, owner: "acme/corp" } },
                [["github.owner", "is not a GitHub organization or user such as acme-corp"]],
            ],
            [
                "a wildcard environment",
                { github: { ...github, environment: "prod*" } },
                [["github.environment", "is not a GitHub environment name such as production"]],
            ],
            ["no region", { regions: [] }, [["regions", "lists no region"]]],
            ["a GCP region", { regions: ["us-west1"] }, [["regions[0]", "is not an AWS region"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
