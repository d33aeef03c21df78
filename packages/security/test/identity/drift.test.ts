import * as assert from "node:assert/strict";
import { fieldsAndProblems, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import {
    AwsCiDriftRole,
    type AwsCiDriftRoleArgs,
    awsDriftPolicy,
    DEPLOY_SERVICES,
    environmentSecretsCondition,
    GCP_DRIFT_ROLES,
    GcpCiDriftIdentity,
    type GcpCiDriftIdentityArgs,
} from "../../src/index.js";

const POOL = "projects/123456789012/locations/global/workloadIdentityPools/acme-dr-ci-pool";
const awsArgs: AwsCiDriftRoleArgs = {
    naming: { project: "acme", environment: "prod" },
    github: { owner: "acme-corp", repository: "platform", environment: "prod-drift" },
    oidcProviderArn: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
    regions: ["us-east-1", "us-west-2"],
    stateBucket: "acme-pulumi-state",
};
const gcpArgs: GcpCiDriftIdentityArgs = {
    naming: { project: "acme", environment: "dr" },
    project: "acme-dr-prod",
    github: { owner: "acme-corp", repository: "platform", environment: "dr-drift" },
    poolName: POOL,
    stateBucket: "acme-dr-state",
};

async function synthAws(args: AwsCiDriftRoleArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new AwsCiDriftRole("ci", args) })).resources;
}
async function synthGcp(args: GcpCiDriftIdentityArgs): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "dr", program: () => void new GcpCiDriftIdentity("ci", args) })).resources;
}

describe("awsDriftPolicy", () => {
    const ctx = {
        partition: "aws",
        accountId: "111111111111",
        regions: ["us-west-2"],
        namePrefix: "acme-prod",
        stateBucket: "acme-pulumi-state",
    };

    it("reads (Describe/Get/List) the deploy role's services in the platform's regions, nothing else allowed broadly", () => {
        const doc = awsDriftPolicy(ctx);
        assert.deepEqual(
            doc.Statement.map((s) => [s.Sid, s.Effect]),
            [
                ["ReadPlatformServices", "Allow"],
                ["ReadEnvironmentRoles", "Allow"],
                ["ReadOidcProviders", "Allow"],
                ["ReadState", "Allow"],
                ["NoOtherObjects", "Deny"],
                ["NoOtherSecrets", "Deny"],
                ["DecryptEnvironmentSecrets", "Allow"],
                ["NoDataReads", "Deny"],
            ],
        );
        const read = doc.Statement[0];
        assert.equal(read?.Action.length, DEPLOY_SERVICES.length * 3);
        assert.ok((read?.Action as readonly string[]).every((a) => /^[a-z0-9-]+:(Describe|Get|List)\*$/.test(a)));
        assert.deepEqual(read?.Condition, { StringEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } });
        // No write verb anywhere in an Allow.
        const allowed = doc.Statement.filter((s) => s.Effect === "Allow").flatMap((s) =>
            typeof s.Action === "string" ? [s.Action] : s.Action,
        );
        assert.deepEqual(
            allowed.filter((a) => !/:(Describe|Get|List)/.test(a)),
            ["kms:Decrypt"],
        );
    });

    it("objects only of the state bucket, secret values only of the environment's secrets, no log events or instance consoles", () => {
        const doc = awsDriftPolicy(ctx);
        const by = (sid: string) => doc.Statement.find((s) => s.Sid === sid);
        assert.deepEqual(by("ReadState"), {
            Sid: "ReadState",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: ["arn:aws:s3:::acme-pulumi-state", "arn:aws:s3:::acme-pulumi-state/*"],
        });
        assert.deepEqual(by("NoOtherObjects")?.NotResource, "arn:aws:s3:::acme-pulumi-state/*");
        assert.deepEqual(by("NoOtherSecrets"), {
            Sid: "NoOtherSecrets",
            Effect: "Deny",
            Action: "secretsmanager:GetSecretValue",
            NotResource: [
                "arn:aws:secretsmanager:us-east-1:111111111111:secret:acme-prod-*",
                "arn:aws:secretsmanager:us-west-2:111111111111:secret:acme-prod-*",
            ],
        });
        assert.deepEqual(by("DecryptEnvironmentSecrets")?.Condition, {
            StringEquals: { "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "secretsmanager.us-west-2.amazonaws.com"] },
        });
        assert.deepEqual(by("NoDataReads")?.Action, [
            "logs:GetLogEvents",
            "logs:GetLogRecord",
            "logs:GetQueryResults",
            "logs:FilterLogEvents",
            "ec2:GetConsoleOutput",
            "ec2:GetConsoleScreenshot",
            "ec2:GetPasswordData",
        ]);
        assert.equal(by("DecryptState"), undefined);
    });

    it("with a secrets provider key: decrypt with exactly that key", () => {
        const key = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const doc = awsDriftPolicy({ ...ctx, stateSecretsKeyArn: key });
        assert.deepEqual(doc.Statement[4], { Sid: "DecryptState", Effect: "Allow", Action: "kms:Decrypt", Resource: key });
        assert.equal(doc.Statement.length, 9);
    });
});

describe("AwsCiDriftRole", () => {
    it("one role trusted by the drift GitHub environment only, one inline read-only policy", async () => {
        const resources = await synthAws(awsArgs);
        const [role] = ofType(resources, "aws:iam/role:Role");
        assert.equal(role?.inputs["name"], "acme-prod-ci-drift");
        assert.equal(role?.inputs["maxSessionDuration"], 3600);
        const trust = JSON.parse(String(role?.inputs["assumeRolePolicy"])) as {
            Statement: { Condition: { StringEquals: Record<string, string> } }[];
        };
        assert.deepEqual(trust.Statement[0]?.Condition.StringEquals, {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": "repo:acme-corp/platform:environment:prod-drift",
        });
        assert.equal(ofType(resources, "aws:iam/rolePolicy:RolePolicy").length, 1);
        assert.equal(ofType(resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
    });

    it("refuses a wildcard environment, no region and a bad bucket, listing every problem", async () => {
        const issues = await rejectedIssues(
            synthAws({ ...awsArgs, github: { ...awsArgs.github, environment: "*" }, regions: [], stateBucket: "s3://state" }),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["github.environment", "is not a GitHub environment name such as production"],
            ["regions", "lists no region"],
            ["stateBucket", "is not an S3 bucket name"],
        ]);
    });
});

describe("GcpCiDriftIdentity", () => {
    it("a service account in the deploy pool for the drift subject, the viewer roles, the state bucket, the environment's secrets", async () => {
        const resources = await synthGcp(gcpArgs);
        const [account] = ofType(resources, "gcp:serviceaccount/account:Account");
        assert.equal(account?.inputs["accountId"], "acme-dr-ci-drift");
        assert.deepEqual(
            ofType(resources, "gcp:serviceaccount/iAMMember:IAMMember").map((m) => [m.inputs["role"], m.inputs["member"]]),
            [
                [
                    "roles/iam.workloadIdentityUser",
                    `principal://iam.googleapis.com/${POOL}/subject/repo:acme-corp/platform:environment:dr-drift`,
                ],
            ],
        );
        const grants = ofType(resources, "gcp:projects/iAMMember:IAMMember");
        assert.deepEqual(
            grants.map((g) => g.inputs["role"]),
            [...GCP_DRIFT_ROLES, "roles/secretmanager.secretAccessor"],
        );
        assert.ok(grants.every((g) => !["roles/owner", "roles/editor", "roles/viewer"].includes(String(g.inputs["role"]))));
        assert.ok(
            GCP_DRIFT_ROLES.every((r) =>
                /\.(viewer|reader|securityReviewer|serviceAccountViewer|workloadIdentityPoolViewer|serviceUsageViewer|bucketViewer)$/.test(
                    r,
                ),
            ),
        );
        assert.deepEqual(grants.at(-1)?.inputs["condition"], environmentSecretsCondition("123456789012", "acme-dr"));
        assert.deepEqual(
            ofType(resources, "gcp:storage/bucketIAMMember:BucketIAMMember").map((b) => [b.inputs["bucket"], b.inputs["role"]]),
            [["acme-dr-state", "roles/storage.objectViewer"]],
        );
        assert.equal(ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").length, 0);
    });

    it("the secrets condition names the environment's prefix under the project number", () => {
        assert.equal(
            environmentSecretsCondition("123456789012", "acme-dr").expression,
            'resource.name.startsWith("projects/123456789012/secrets/acme-dr-")',
        );
    });

    it("with a secrets provider key: decrypter on that key only", async () => {
        const key = "projects/acme-state/locations/global/keyRings/pulumi/cryptoKeys/state";
        const resources = await synthGcp({ ...gcpArgs, stateSecretsKey: key });
        assert.deepEqual(
            ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").map((k) => [k.inputs["cryptoKeyId"], k.inputs["role"]]),
            [[key, "roles/cloudkms.cryptoKeyDecrypter"]],
        );
    });

    it("refuses a bad project and a wildcard environment", async () => {
        const issues = await rejectedIssues(synthGcp({ ...gcpArgs, project: "Acme", github: { ...gcpArgs.github, environment: "dr:*" } }));
        assert.deepEqual(fieldsAndProblems(issues), [
            ["project", "is not a GCP project id such as acme-dr-prod"],
            ["github.environment", "is not a GitHub environment name such as production"],
        ]);
    });
});
