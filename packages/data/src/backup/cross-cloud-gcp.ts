/**
 * The GCP side of the cross-cloud copy (seed 004: `auterity-backups` in S3 and `auterity-dr` in
 * GCS): a daily Storage Transfer Service job at 04:00 UTC (after the 02:00 backups) copying the
 * AWS environment's backup bucket into this environment's backup bucket under
 * `aws-<environment>/`, through the read-only role of that environment (web identity federation:
 * no AWS key exists), never deleting in the source or the sink. Both names come from the AWS
 * environment's naming (`@platform/core` `awsBackupBucketName`, `crossCloudCopyRoleName`), so only
 * its account id is configured. The transfer agent may write objects to the sink bucket only.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    awsBackupBucketName,
    checkGcpProject,
    checkRegion,
    type ComponentNaming,
    type CrossCloudCopySource,
    crossCloudCopyRoleName,
    isEnvironmentName,
    type Issue,
} from "@platform/core";
import { DataComponent } from "../component.js";

/** The first day the job runs (a fixed date: a moving one would change the job on every run). */
export const TRANSFER_START_DATE = { year: 2026, month: 1, day: 1 } as const;
/** 04:00 UTC: after Velero's and AWS Backup's 02:00 daily backups. */
export const TRANSFER_START_TIME = { hours: 4, minutes: 0, seconds: 0, nanos: 0 } as const;

export interface GcsTransferJobArgs {
    readonly naming: ComponentNaming;
    readonly project: string;
    readonly region: string;
    /** The AWS environment copied from. */
    readonly source: CrossCloudCopySource;
    /** The sink: this environment's backup bucket. */
    readonly sinkBucketName: pulumi.Input<string>;
}

export class GcsTransferJob extends DataComponent {
    readonly jobName: pulumi.Output<string>;
    readonly sourceBucket: string;
    readonly sourceRoleArn: string;

    constructor(name: string, args: GcsTransferJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcsTransferJob", name, args.naming, opts);
        this.validate(validateGcsTransferJobArgs(args));
        const children = this.children;
        const sourceNaming = { project: args.naming.project, environment: args.source.environment };
        this.sourceBucket = awsBackupBucketName(sourceNaming, args.source.awsAccountId, args.source.region);
        this.sourceRoleArn = `arn:aws:iam::${args.source.awsAccountId}:role/${crossCloudCopyRoleName(sourceNaming)}`;
        const agent = gcp.storage.getTransferProjectServiceAccountOutput({ project: args.project }, { parent: this });
        const writer = new gcp.storage.BucketIAMMember(
            children.name("sink-writer"),
            { bucket: args.sinkBucketName, role: "roles/storage.legacyBucketWriter", member: agent.member },
            children.options(),
        );
        const job = new gcp.storage.TransferJob(
            children.name("job"),
            {
                project: args.project,
                description: `Daily copy of ${this.sourceBucket} (AWS ${args.source.environment}) into GCS (seed 004)`,
                status: "ENABLED",
                schedule: { scheduleStartDate: TRANSFER_START_DATE, startTimeOfDay: TRANSFER_START_TIME, repeatInterval: "86400s" },
                transferSpec: {
                    awsS3DataSource: { bucketName: this.sourceBucket, roleArn: this.sourceRoleArn },
                    gcsDataSink: { bucketName: args.sinkBucketName, path: `aws-${args.source.environment}/` },
                    transferOptions: {
                        overwriteWhen: "DIFFERENT",
                        deleteObjectsFromSourceAfterTransfer: false,
                        deleteObjectsUniqueInSink: false,
                    },
                },
                loggingConfig: { logActions: ["FIND", "COPY", "DELETE"], logActionStates: ["SUCCEEDED", "FAILED"] },
            },
            children.options({ dependsOn: [writer] }),
        );
        this.jobName = job.name;
        this.complete("jobName", "sourceBucket", "sourceRoleArn");
    }
}

export function validateGcsTransferJobArgs(args: GcsTransferJobArgs): Issue[] {
    return [
        ...checkGcpProject("project", args.project),
        ...checkRegion("region", args.region, "gcp"),
        ...checkRegion("source.region", args.source.region, "aws"),
        ...(/^\d{12}$/.test(args.source.awsAccountId)
            ? []
            : [
                  {
                      field: "source.awsAccountId",
                      value: args.source.awsAccountId,
                      problem: "is not a 12-digit AWS account id",
                      fix: "use the source environment's account id",
                  },
              ]),
        ...(isEnvironmentName(args.source.environment)
            ? []
            : [
                  {
                      field: "source.environment",
                      value: args.source.environment,
                      problem: "is not an environment",
                      fix: "use dev, staging or prod",
                  },
              ]),
    ];
}
