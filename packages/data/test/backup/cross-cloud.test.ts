import * as assert from "node:assert/strict";
import { fieldsAndProblems, findResource, rejectedIssues } from "@platform/synth";
import { AwsCrossCloudCopySource, type AwsCrossCloudCopySourceArgs, GcsTransferJob, type GcsTransferJobArgs } from "../../src/index.js";
import { ACCOUNT, BACKUPS_KEY, GCP_PROJECT, json, synth } from "../helpers.js";

const BUCKET_ARN = `arn:aws:s3:::acme-prod-backups-${ACCOUNT}-us-east-1-an`;
const SUBJECT = "123456789012345678901";

function source(extra: Partial<AwsCrossCloudCopySourceArgs> = {}) {
    return synth(() => {
        const s = new AwsCrossCloudCopySource("gcs-transfer", {
            naming: { project: "acme", environment: "prod" },
            region: "us-east-1",
            bucketArn: BUCKET_ARN,
            kmsKeyArn: BACKUPS_KEY,
            transferSubjectId: SUBJECT,
            ...extra,
        });
        return { roleArn: s.roleArn };
    });
}

function job(extra: Partial<GcsTransferJobArgs> = {}) {
    return synth(() => {
        const j = new GcsTransferJob("cross-cloud-copy", {
            naming: { project: "acme", environment: "dr" },
            project: GCP_PROJECT,
            region: "us-west1",
            source: { awsAccountId: ACCOUNT, environment: "prod", region: "us-east-1" },
            sinkBucketName: "acme-dr-backups-abc123",
            ...extra,
        });
        return { jobName: j.jobName, sourceBucket: j.sourceBucket, sourceRoleArn: j.sourceRoleArn };
    }, "dr");
}

describe("the cross-cloud copy (seed 004)", () => {
    describe("AWS side: a read-only role only the GCP project's Storage Transfer agent can assume", () => {
        it("trusts accounts.google.com for that subject only, and reads the bucket and decrypts through S3", async () => {
            const { resources, outputs } = await source();
            const role = findResource(resources, "aws:iam/role:Role", "gcs-transfer-role");
            assert.equal(role.inputs["name"], "acme-prod-backups-gcs-transfer");
            assert.deepEqual(json(role.inputs["assumeRolePolicy"]), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { Federated: "accounts.google.com" },
                        Action: "sts:AssumeRoleWithWebIdentity",
                        Condition: { StringEquals: { "accounts.google.com:sub": SUBJECT } },
                    },
                ],
            });
            assert.deepEqual(json(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "gcs-transfer-read").inputs["policy"]), {
                Version: "2012-10-17",
                Statement: [
                    { Sid: "ListBackups", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: BUCKET_ARN },
                    { Sid: "ReadBackups", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${BUCKET_ARN}/*` },
                    {
                        Sid: "DecryptThroughS3",
                        Effect: "Allow",
                        Action: "kms:Decrypt",
                        Resource: BACKUPS_KEY,
                        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
                    },
                ],
            });
            assert.equal(outputs["roleArn"], `arn:aws:iam::${ACCOUNT}:role/acme-prod-backups-gcs-transfer`);
        });

        it("rejects a subject that is not a Google subject id", async () => {
            assert.deepEqual(fieldsAndProblems(await rejectedIssues(source({ transferSubjectId: "project-1@x" }))), [
                ["transferSubjectId", "is not a Google service account's subject id (21 digits)"],
            ]);
        });
    });

    describe("GCP side: a daily Storage Transfer job from the AWS environment's bucket", () => {
        it("names the source bucket and role from the AWS environment's naming; copies daily at 04:00 UTC under aws-prod/, never deleting", async () => {
            const { resources, outputs } = await job();
            const bucket = `acme-prod-backups-${ACCOUNT}-us-east-1-an`;
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/acme-prod-backups-gcs-transfer`;
            assert.deepEqual(findResource(resources, "gcp:storage/transferJob:TransferJob", "cross-cloud-copy-job").inputs, {
                project: GCP_PROJECT,
                description: `Daily copy of ${bucket} (AWS prod) into GCS (seed 004)`,
                status: "ENABLED",
                schedule: {
                    scheduleStartDate: { year: 2026, month: 1, day: 1 },
                    startTimeOfDay: { hours: 4, minutes: 0, seconds: 0, nanos: 0 },
                    repeatInterval: "86400s",
                },
                transferSpec: {
                    awsS3DataSource: { bucketName: bucket, roleArn },
                    gcsDataSink: { bucketName: "acme-dr-backups-abc123", path: "aws-prod/" },
                    transferOptions: {
                        overwriteWhen: "DIFFERENT",
                        deleteObjectsFromSourceAfterTransfer: false,
                        deleteObjectsUniqueInSink: false,
                    },
                },
                loggingConfig: { logActions: ["FIND", "COPY", "DELETE"], logActionStates: ["SUCCEEDED", "FAILED"] },
            });
            assert.deepEqual([outputs["sourceBucket"], outputs["sourceRoleArn"]], [bucket, roleArn]);
            assert.match(String(outputs["jobName"]), /^transferJobs\/\d+$/);
        });

        it("the transfer agent may write objects to the sink bucket only, before the job exists", async () => {
            const { resources } = await job();
            const writer = findResource(resources, "gcp:storage/bucketIAMMember:BucketIAMMember", "cross-cloud-copy-sink-writer");
            assert.deepEqual(writer.inputs, {
                bucket: "acme-dr-backups-abc123",
                role: "roles/storage.legacyBucketWriter",
                member: "serviceAccount:project-123456789012@storage-transfer-service.iam.gserviceaccount.com",
            });
            assert.ok(
                findResource(resources, "gcp:storage/transferJob:TransferJob", "cross-cloud-copy-job").dependencies.includes(writer.urn),
            );
        });

        it("rejects a bad account id, source environment and region", async () => {
            assert.deepEqual(
                fieldsAndProblems(
                    await rejectedIssues(job({ source: { awsAccountId: "12345", environment: "qa" as never, region: "us-east1" } })),
                ),
                [
                    ["source.region", "is not an AWS region"],
                    ["source.awsAccountId", "is not a 12-digit AWS account id"],
                    ["source.environment", "is not an environment"],
                ],
            );
        });
    });
});
