/**
 * The AWS side of the cross-cloud copy (seed 004: backups in S3 and in GCS): a read-only role on
 * the backup bucket that only the Storage Transfer Service agent of the GCP project may assume,
 * through web identity federation with Google (`accounts.google.com`, its numeric subject id): no
 * access key exists anywhere. The GCP environment's data stack runs the transfer job.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, crossCloudCopyRoleName, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { type IamPolicyDocument, policyDocument } from "../aws/iam.js";

/** A Google service account's subject: 21 digits. */
export const GOOGLE_SUBJECT_ID_PATTERN = /^\d{21}$/;

/** Only the Google identity with `subjectId` may assume the role. */
export function googleFederationTrustPolicy(subjectId: string): IamPolicyDocument {
    return policyDocument({
        Effect: "Allow",
        Principal: { Federated: "accounts.google.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "accounts.google.com:sub": subjectId } },
    });
}

/** Read the bucket (list and get, any version) and decrypt its objects through S3. */
export function transferReadPolicy(bucketArn: string, kmsKeyArn: string, region: string): IamPolicyDocument {
    return policyDocument(
        { Sid: "ListBackups", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: bucketArn },
        { Sid: "ReadBackups", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${bucketArn}/*` },
        {
            Sid: "DecryptThroughS3",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
    );
}

export interface AwsCrossCloudCopySourceArgs {
    readonly naming: ComponentNaming;
    readonly region: string;
    readonly bucketArn: pulumi.Input<string>;
    /** The bucket's key (the foundation's `backups` key). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The subject id of the GCP project's Storage Transfer Service agent (`gcp.storage.getTransferProjectServiceAccount`). */
    readonly transferSubjectId: pulumi.Input<string>;
}

export class AwsCrossCloudCopySource extends DataComponent {
    readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: AwsCrossCloudCopySourceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsCrossCloudCopySource", name, args.naming, opts);
        this.validate(validateAwsCrossCloudCopySourceArgs(args));
        const children = this.children;
        const role = new aws.iam.Role(
            children.name("role"),
            {
                name: crossCloudCopyRoleName(args.naming),
                description: "Read-only: GCS Storage Transfer Service copies the backup bucket to GCS",
                maxSessionDuration: 3600,
                assumeRolePolicy: pulumi.output(args.transferSubjectId).apply((subject) => {
                    if (!GOOGLE_SUBJECT_ID_PATTERN.test(subject)) {
                        throw new Error(
                            `cross-cloud copy: the Storage Transfer Service subject id ${JSON.stringify(subject)} is not 21 digits`,
                        );
                    }
                    return JSON.stringify(googleFederationTrustPolicy(subject));
                }),
            },
            children.options(),
        );
        new aws.iam.RolePolicy(
            children.name("read"),
            {
                role: role.id,
                name: "read-backups",
                policy: pulumi
                    .all([args.bucketArn, args.kmsKeyArn])
                    .apply(([bucketArn, keyArn]) => JSON.stringify(transferReadPolicy(bucketArn, keyArn, args.region))),
            },
            children.options(),
        );
        this.roleArn = role.arn;
        this.complete("roleArn");
    }
}

export function validateAwsCrossCloudCopySourceArgs(args: AwsCrossCloudCopySourceArgs): Issue[] {
    return typeof args.transferSubjectId === "string" && !GOOGLE_SUBJECT_ID_PATTERN.test(args.transferSubjectId)
        ? [
              {
                  field: "transferSubjectId",
                  value: args.transferSubjectId,
                  problem: "is not a Google service account's subject id (21 digits)",
                  fix: "pass the subjectId of gcp.storage.getTransferProjectServiceAccount for the copy's project",
              },
          ]
        : [];
}
