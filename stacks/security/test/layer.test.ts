import * as assert from "node:assert/strict";
import * as gcp from "@pulumi/gcp";
import { createCloudProvider, parsePlatformConfig, type PlatformSettings } from "@platform/core";
import { countByType, type InventoryResource, synthesize } from "@platform/synth";
import { AUDIT_RETENTION_DAYS, securityLayer } from "../src/index.js";

const TODAY = "2026-12-02";
const CIDRS = { dev: "10.10.0.0/16", staging: "10.20.0.0/16", prod: "10.30.0.0/16", dr: "10.40.0.0/16" } as const;
const GITHUB = { owner: "acme-corp", repository: "platform" };
const STATE = { bucket: "acme-pulumi-state" };
const LOGS_KEY = "arn:aws:kms:us-east-1:111111111111:key/logs";

function settings(env: keyof typeof CIDRS, security?: Record<string, unknown>): PlatformSettings {
    return parsePlatformConfig(
        {
            project: "acme",
            team: "platform",
            costCenter: "cc-1042",
            environment: env,
            network: { cidr: CIDRS[env] },
            ...(env === "dr" ? { gcpProject: "acme-dr-prod" } : {}),
            ...(env === "prod" ? { data: { backups: { replicationRegion: "us-west-2" } } } : {}),
            ...(security ? { security } : {}),
        },
        { today: TODAY },
    );
}

async function synth(s: PlatformSettings) {
    return synthesize({
        project: "security",
        stack: s.environment,
        program: () => securityLayer(s, createCloudProvider(s), s.cloud === "aws" ? { logsKmsKeyArn: LOGS_KEY } : {}),
    });
}

const custom = (rs: readonly InventoryResource[]): Record<string, number> =>
    Object.fromEntries(countByType(rs.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"))).map((c) => [c.type, c.count]));

describe("security layer", () => {
    it("AWS prod: the CI role (both regions, audit denied), the locked trail, GuardDuty and Security Hub, stateful parts protected", async () => {
        const result = await synth(settings("prod", { github: { ...GITHUB, environment: "production" }, stateBackend: STATE }));
        assert.deepEqual(custom(result.resources), {
            "aws:cloudtrail/trail:Trail": 1,
            "aws:cloudwatch/logGroup:LogGroup": 1,
            "aws:guardduty/detector:Detector": 1,
            "aws:guardduty/detectorFeature:DetectorFeature": 3,
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider": 1,
            "aws:iam/role:Role": 3,
            "aws:iam/rolePolicy:RolePolicy": 3,
            "aws:s3/bucket:Bucket": 1,
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
            "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": 1,
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
            "aws:s3/bucketPolicy:BucketPolicy": 1,
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
            "aws:s3/bucketVersioning:BucketVersioning": 1,
            "aws:securityhub/account:Account": 1,
            "aws:securityhub/standardsSubscription:StandardsSubscription": 2,
        });
        // The CI roles; the third role is the trail's CloudWatch Logs delivery role (AwsAuditTrail's test).
        const subjects = result.resources
            .filter((r) => r.type === "aws:iam/role:Role" && String(r.inputs["name"]).includes("-ci-"))
            .map((role) => {
                const trust = JSON.parse(String(role.inputs["assumeRolePolicy"])) as {
                    Statement: { Condition: { StringEquals: Record<string, string> } }[];
                };
                return [role.inputs["name"], trust.Statement[0]?.Condition.StringEquals["token.actions.githubusercontent.com:sub"]];
            });
        assert.deepEqual(subjects, [
            ["acme-prod-ci-deploy", "repo:acme-corp/platform:environment:production"],
            ["acme-prod-ci-drift", "repo:acme-corp/platform:environment:prod-drift"],
        ]);
        const drift = JSON.parse(
            String(
                result.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.inputs["name"] === "drift")?.inputs["policy"],
            ),
        ) as {
            Statement: { Sid: string; Resource?: unknown }[];
        };
        assert.deepEqual(drift.Statement.find((st) => st.Sid === "ReadState")?.Resource, [
            "arn:aws:s3:::acme-pulumi-state",
            "arn:aws:s3:::acme-pulumi-state/*",
        ]);
        const policy = JSON.parse(
            String(
                result.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.inputs["name"] === "deploy")?.inputs["policy"],
            ),
        ) as {
            Statement: { Sid: string; Condition?: Record<string, Record<string, unknown>> }[];
        };
        assert.deepEqual(policy.Statement[0]?.Condition, { StringEquals: { "aws:RequestedRegion": ["us-east-1", "us-west-2"] } });
        assert.equal(policy.Statement.at(-1)?.Sid, "KeepAuditOn");
        // The CI identity is not protected (it can be recreated as it was); everything holding audit data is.
        assert.deepEqual(
            result.resources.filter((r) => r.custom && !r.protect && !r.type.startsWith("pulumi:")).map((r) => r.type),
            [
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
                "aws:iam/role:Role",
                "aws:iam/role:Role",
                "aws:iam/rolePolicy:RolePolicy",
                "aws:iam/rolePolicy:RolePolicy",
            ],
        );
        const trail = result.resources.find((r) => r.type === "aws:cloudtrail/trail:Trail");
        assert.deepEqual([trail?.inputs["kmsKeyId"], trail?.protect, trail?.retainOnDelete], [LOGS_KEY, true, true]);
        // The trail's CloudWatch copy keeps the profile's log retention (prod: 90 days).
        const events = result.resources.find((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual([events?.inputs["retentionInDays"], events?.inputs["kmsKeyId"], events?.protect], [90, LOGS_KEY, true]);
        assert.deepEqual(Object.keys(result.outputs), [
            "environment",
            "cloud",
            "ciRoleArn",
            "ciDriftRoleArn",
            "auditTrailArn",
            "auditBucket",
            "guardDutyDetectorId",
        ]);
        assert.equal(result.outputs["ciRoleArn"], "arn:aws:iam::111111111111:role/acme-prod-ci-deploy");
        assert.equal(result.outputs["ciDriftRoleArn"], "arn:aws:iam::111111111111:role/acme-prod-ci-drift");
    });

    it("AWS dev without platform:security: no CI identity, no Object Lock, nothing protected, the trail kept a year", async () => {
        const result = await synth(settings("dev"));
        const counts = custom(result.resources);
        // The one role is the trail's CloudWatch Logs delivery role, not a CI identity.
        assert.deepEqual(
            result.resources.filter((r) => r.type === "aws:iam/role:Role").map((r) => r.inputs["name"]),
            ["acme-dev-audit-trail-events"],
        );
        assert.equal(
            result.resources.find((r) => r.type === "aws:cloudwatch/logGroup:LogGroup")?.inputs["retentionInDays"],
            14,
            "the dev profile's logRetentionDays",
        );
        assert.equal(counts["aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"], undefined);
        assert.ok(result.resources.every((r) => !r.protect));
        assert.equal(result.outputs["ciRoleArn"], null);
        assert.equal(result.outputs["ciDriftRoleArn"], null);
        const lifecycle = result.resources.find((r) => r.type === "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
        assert.deepEqual((lifecycle?.inputs["rules"] as { expiration?: { days: number } }[])[0]?.expiration, {
            days: AUDIT_RETENTION_DAYS,
        });
    });

    it("GCP dr: the WIF pool, provider, deploy (21 project grants) and drift (18) service accounts, audit logs into a protected log bucket", async () => {
        const result = await synth(
            settings("dr", {
                github: { ...GITHUB, environment: "dr" },
                stateBackend: {
                    bucket: "acme-dr-state",
                    secretsKey: "projects/acme-state/locations/global/keyRings/pulumi/cryptoKeys/state",
                },
                auditObjectLock: "compliance",
            }),
        );
        assert.deepEqual(custom(result.resources), {
            "gcp:iam/workloadIdentityPool:WorkloadIdentityPool": 1,
            "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider": 1,
            "gcp:logging/projectBucketConfig:ProjectBucketConfig": 1,
            "gcp:logging/projectSink:ProjectSink": 1,
            "gcp:projects/iAMAuditConfig:IAMAuditConfig": 1,
            "gcp:projects/iAMMember:IAMMember": 39,
            "gcp:serviceaccount/account:Account": 2,
            "gcp:serviceaccount/iAMMember:IAMMember": 2,
            "gcp:storage/bucketIAMMember:BucketIAMMember": 1,
            "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": 1,
        });
        const members = result.resources.filter((r) => r.type === "gcp:serviceaccount/iAMMember:IAMMember").map((r) => r.inputs["member"]);
        assert.deepEqual(members, [
            "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dr-ci-pool/subject/repo:acme-corp/platform:environment:dr",
            "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dr-ci-pool/subject/repo:acme-corp/platform:environment:dr-drift",
        ]);
        const bucket = result.resources.find((r) => r.type === "gcp:logging/projectBucketConfig:ProjectBucketConfig");
        assert.deepEqual([bucket?.inputs["locked"], bucket?.protect, bucket?.retainOnDelete], [true, true, true]);
        assert.deepEqual(result.outputs, {
            environment: "dr",
            cloud: "gcp",
            ciWorkloadIdentityProvider: "projects/123456789012/locations/global/workloadIdentityPools/acme-dr-ci-pool/providers/github",
            ciServiceAccount: "acme-dr-ci-deploy@acme-dr-prod.iam.gserviceaccount.com",
            ciDriftServiceAccount: "acme-dr-ci-drift@acme-dr-prod.iam.gserviceaccount.com",
            auditBucket: "acme-dr-audit-logs",
        });
    });

    it("fails by name when the provider or the foundation's key does not match the settings", async () => {
        await assert.rejects(
            synthesize({
                project: "security",
                stack: "dev",
                program: () => securityLayer(settings("dev"), new gcp.Provider("g", { project: "p" }), {}),
            }),
            /security layer: settings say aws, but the provider is Provider or the foundation's logs key is missing/,
        );
        await assert.rejects(
            synthesize({
                project: "security",
                stack: "dev",
                program: () => securityLayer(settings("dev"), createCloudProvider(settings("dev")), {}),
            }),
            /the foundation's logs key is missing/,
        );
    });
});
