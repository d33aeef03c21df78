import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsBackupBucket, type AwsBackupBucketArgs, s3BackupBucketPolicy, s3BackupLifecycleRules } from "../../src/index.js";
import { ACCOUNT, BACKUPS_KEY, json, protection, synth } from "../helpers.js";

const BUCKET = "aws:s3/bucket:Bucket";
const NAME = `acme-prod-backups-${ACCOUNT}-us-east-1-an`;
const REPLICA = `acme-prod-backups-replica-${ACCOUNT}-us-west-2-an`;

function run(extra: Partial<AwsBackupBucketArgs> = {}, opts?: pulumi.ComponentResourceOptions, replicate = false) {
    return synth(() => {
        const west = replicate ? new aws.Provider("west", { region: "us-west-2" }) : undefined;
        const b = new AwsBackupBucket(
            "backups",
            {
                naming: { project: "acme", environment: "prod" },
                kmsKeyArn: BACKUPS_KEY,
                retentionDays: 30,
                ...(west ? { replication: { region: "us-west-2", provider: west } } : {}),
                ...extra,
            },
            opts,
        );
        return { bucketName: b.bucketName, bucketArn: b.bucketArn, replicaBucketName: b.replicaBucketName };
    });
}

const of = (resources: readonly InventoryResource[], type: string, name = "backups-bucket") => findResource(resources, type, name).inputs;

describe("AwsBackupBucket", () => {
    it("one bucket and its six settings, no lock and no replication by default", async () => {
        const { resources, outputs } = await run();
        assert.deepEqual(
            countByType(resources).filter((c) => c.type.startsWith("aws:")),
            [
                { type: BUCKET, count: 1 },
                { type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", count: 1 },
                { type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls", count: 1 },
                { type: "aws:s3/bucketPolicy:BucketPolicy", count: 1 },
                { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", count: 1 },
                { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", count: 1 },
                { type: "aws:s3/bucketVersioning:BucketVersioning", count: 1 },
            ],
        );
        assert.deepEqual(outputs, { bucketName: NAME, bucketArn: `arn:aws:s3:::${NAME}`, replicaBucketName: null });
    });

    it("named in the account's regional namespace; versioned; SSE-KMS with the backups key and bucket keys; all public access blocked; ACLs off", async () => {
        const { resources } = await run({ tags: { "backup-plan": "acme-prod-backup-plan" } });
        assert.deepEqual(of(resources, BUCKET), {
            bucket: NAME,
            bucketNamespace: "account-regional",
            objectLockEnabled: false,
            forceDestroy: false,
            tags: { "backup-plan": "acme-prod-backup-plan", "backup-store": "primary", Name: "acme-prod-backups-bucket" },
        });
        assert.deepEqual(of(resources, "aws:s3/bucketVersioning:BucketVersioning"), {
            bucket: NAME,
            versioningConfiguration: { status: "Enabled" },
        });
        assert.deepEqual(of(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"), {
            bucket: NAME,
            rules: [
                { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: BACKUPS_KEY }, bucketKeyEnabled: true },
            ],
        });
        assert.deepEqual(of(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"), {
            bucket: NAME,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepEqual(of(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls"), {
            bucket: NAME,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        });
    });

    it("the TLS-only policy, after the public access block; the lifecycle, after versioning", async () => {
        const { resources } = await run();
        const policy = findResource(resources, "aws:s3/bucketPolicy:BucketPolicy", "backups-bucket");
        assert.deepEqual(json(policy.inputs["policy"]), s3BackupBucketPolicy(`arn:aws:s3:::${NAME}`));
        assert.ok(
            policy.dependencies.includes(
                findResource(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "backups-bucket").urn,
            ),
        );
        const lifecycle = findResource(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "backups-bucket");
        assert.deepEqual(lifecycle.inputs, { bucket: NAME, rules: s3BackupLifecycleRules(30) });
        assert.ok(
            lifecycle.dependencies.includes(findResource(resources, "aws:s3/bucketVersioning:BucketVersioning", "backups-bucket").urn),
        );
    });

    it("Object Lock: enabled at creation with a default retention of the retention days", async () => {
        const { resources } = await run({ objectLock: "governance" });
        assert.equal(of(resources, BUCKET)["objectLockEnabled"], true);
        assert.deepEqual(of(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"), {
            bucket: NAME,
            objectLockEnabled: "Enabled",
            rule: { defaultRetention: { mode: "GOVERNANCE", days: 30 } },
        });
        const compliance = await run({ objectLock: "compliance" });
        assert.deepEqual(of(compliance.resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")["rule"], {
            defaultRetention: { mode: "COMPLIANCE", days: 30 },
        });
        assert.deepEqual(ofType((await run()).resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"), []);
    });

    describe("replication to a second region", () => {
        it("a replica of the same shape with its own backups key there, through the second region's provider", async () => {
            const { resources, outputs } = await run({}, undefined, true);
            const west = resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "west");
            assert.ok(west);
            const replica = findResource(resources, BUCKET, "backups-replica");
            assert.deepEqual(replica.inputs["bucket"], REPLICA);
            assert.deepEqual(
                ofType(resources, BUCKET).map((b) => [b.name, (b.inputs["tags"] as Record<string, string>)["backup-store"]]),
                [
                    ["backups-bucket", "primary"],
                    ["backups-replica", "replica"],
                ],
            );
            assert.equal(replica.provider, `${west.urn}::${String(west.id)}`);
            const replicaKey = findResource(resources, "aws:kms/key:Key", "backups-replica-kms-backups");
            assert.equal(replicaKey.provider, replica.provider);
            assert.deepEqual(
                of(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "backups-replica")[
                    "rules"
                ],
                [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: replicaKey.outputs["arn"] },
                        bucketKeyEnabled: true,
                    },
                ],
            );
            assert.equal(outputs["replicaBucketName"], REPLICA);
            assert.equal(ofType(resources, BUCKET).length, 2);
            assert.equal(ofType(resources, "aws:s3/bucketPolicy:BucketPolicy").length, 2);
        });

        it("everything replicates with 15-minute replication time control; deletions do not", async () => {
            const { resources } = await run({}, undefined, true);
            const replicaKey = findResource(resources, "aws:kms/key:Key", "backups-replica-kms-backups").outputs["arn"];
            assert.deepEqual(of(resources, "aws:s3/bucketReplicationConfig:BucketReplicationConfig"), {
                bucket: NAME,
                role: `arn:aws:iam::${ACCOUNT}:role/acme-prod-backups-replication`,
                rules: [
                    {
                        id: "replicate-backups",
                        status: "Enabled",
                        priority: 1,
                        filter: {},
                        deleteMarkerReplication: { status: "Disabled" },
                        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                        destination: {
                            bucket: `arn:aws:s3:::${REPLICA}`,
                            storageClass: "STANDARD_IA",
                            encryptionConfiguration: { replicaKmsKeyId: replicaKey },
                            replicationTime: { status: "Enabled", time: { minutes: 15 } },
                            metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
                        },
                    },
                ],
            });
        });

        it("the replication role reads source versions and writes replicas, each key only through S3 in its region", async () => {
            const { resources } = await run({}, undefined, true);
            const replicaKey = String(findResource(resources, "aws:kms/key:Key", "backups-replica-kms-backups").outputs["arn"]);
            assert.deepEqual(json(findResource(resources, "aws:iam/role:Role", "backups-replication").inputs["assumeRolePolicy"]), {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
            });
            const policy = json(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "backups-replication").inputs["policy"]) as {
                Statement: Array<{ Sid: string; Action: unknown; Resource: unknown; Condition?: unknown }>;
            };
            assert.deepEqual(
                policy.Statement.map((s) => [s.Sid, s.Resource]),
                [
                    ["ReadReplicationConfiguration", `arn:aws:s3:::${NAME}`],
                    ["ReadSourceVersions", `arn:aws:s3:::${NAME}/*`],
                    ["WriteReplicas", `arn:aws:s3:::${REPLICA}/*`],
                    ["DecryptSource", BACKUPS_KEY],
                    ["EncryptReplica", replicaKey],
                ],
            );
            assert.deepEqual(policy.Statement[4]?.Condition, {
                StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": [`arn:aws:s3:::${REPLICA}`, `arn:aws:s3:::${REPLICA}/*`] },
            });
            assert.deepEqual(policy.Statement[2]?.Action, [
                "s3:ReplicateObject",
                "s3:ReplicateTags",
                "s3:ObjectOwnerOverrideToBucketOwner",
            ]);
        });

        it("Object Lock on the source means Object Lock on the replica", async () => {
            const { resources } = await run({ objectLock: "compliance" }, undefined, true);
            assert.deepEqual(
                ofType(resources, BUCKET).map((b) => b.inputs["objectLockEnabled"]),
                [true, true],
            );
        });
    });

    it("protect: true protects every child; both buckets and the replica's key are retained", async () => {
        const lines = protection((await run({}, { protect: true }, true)).resources).filter((l) => !l.startsWith("west "));
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            [
                "backups-bucket aws:s3/bucket:Bucket protect=true retain=true",
                "backups-replica aws:s3/bucket:Bucket protect=true retain=true",
                "backups-replica-kms-backups aws:kms/key:Key protect=true retain=true",
            ],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsBackupBucketArgs>, Array<[string, string]>]> = [
            ["no retention", { retentionDays: 0 }, [["retentionDays", "must be a whole number from 1 to 3650"]]],
            ["an unknown lock mode", { objectLock: "legal-hold" as never }, [["objectLock", "is not an allowed value"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(override))), expected);
            });
        }
        it("rejects a replication region that is not an AWS region", async () => {
            const issues = await rejectedIssues(
                synth(() => {
                    const p = new aws.Provider("p", { region: "us-west-2" });
                    new AwsBackupBucket("backups", {
                        naming: { project: "acme", environment: "prod" },
                        kmsKeyArn: BACKUPS_KEY,
                        retentionDays: 30,
                        replication: { region: "europe-west4", provider: p },
                    });
                }),
            );
            assert.deepEqual(fieldsAndProblems(issues), [["replication.region", "is not an AWS region"]]);
        });
    });
});
