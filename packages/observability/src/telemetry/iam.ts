/**
 * What Loki and Tempo may do in the cloud: read, write, list and delete objects in their own
 * bucket, and use the `data` key only through S3 in the stack's region (SSE-KMS encrypts with it
 * on write and decrypts on read). Nothing else: no other bucket, no bucket settings.
 */
import { type IamPolicyDocument, policyDocument } from "@platform/data";

export interface ObjectStorePolicyArgs {
    readonly bucketArn: string;
    readonly kmsKeyArn: string;
    readonly region: string;
    /** Tempo tags the blocks it compacts (`s3:GetObjectTagging`, `s3:PutObjectTagging`); Loki does not. */
    readonly tagging: boolean;
}

export function objectStorePolicy(args: ObjectStorePolicyArgs): IamPolicyDocument {
    return policyDocument(
        { Sid: "ListBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: args.bucketArn },
        {
            Sid: "ReadWriteObjects",
            Effect: "Allow",
            Action: [
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject",
                ...(args.tagging ? ["s3:GetObjectTagging", "s3:PutObjectTagging"] : []),
            ],
            Resource: `${args.bucketArn}/*`,
        },
        {
            Sid: "DataKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: args.kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` } },
        },
    );
}

/** The role a GCP identity gets on its bucket (and nothing on the project): objects only, not the bucket's settings or IAM. */
export const GCS_OBJECT_ROLE = "roles/storage.objectAdmin";
