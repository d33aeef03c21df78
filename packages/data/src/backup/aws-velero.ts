/**
 * Velero on EKS (seed 001, R4): the pinned Helm release with the daily and hourly schedules,
 * writing to the backup bucket under `velero/` and snapshotting EBS volumes, its AWS access from an
 * IAM role bound to Velero's service account through EKS Pod Identity (no keys, no IRSA
 * annotation): S3 on this bucket only, the bucket's key through S3, EBS snapshots, and the volumes'
 * key through EC2 for encrypted snapshots and restores.
 */
import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { checkRegion, type ComponentNaming, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";
import { policyDocument } from "../aws/iam.js";
import { veleroRelease } from "./velero-release.js";
import { checkVeleroPins, VELERO_CHART, VELERO_NAMESPACE, VELERO_PLUGINS, VELERO_SERVICE_ACCOUNT, veleroValues } from "./velero-values.js";

export interface AwsVeleroArgs {
    readonly naming: ComponentNaming;
    /** The cluster's Kubernetes provider (the cluster layer's). */
    readonly kubernetesProvider: k8s.Provider;
    /** The EKS cluster the Pod Identity association is made in. */
    readonly clusterName: pulumi.Input<string>;
    readonly region: string;
    readonly bucketName: pulumi.Input<string>;
    readonly bucketArn: pulumi.Input<string>;
    /** The bucket's key (the foundation's `backups` key). */
    readonly bucketKmsKeyArn: pulumi.Input<string>;
    /** The key EBS volumes are encrypted with (the foundation's `data` key). */
    readonly volumeKmsKeyArn: pulumi.Input<string>;
    /** @default the pinned chart version */
    readonly chartVersion?: string;
    /** @default the pinned AWS plugin image */
    readonly pluginImage?: string;
}

/** Velero's permissions (velero-plugin-for-aws), scoped to the bucket and the two keys. */
export function veleroAwsPolicy(args: { bucketArn: string; bucketKeyArn: string; volumeKeyArn: string; region: string }) {
    return policyDocument(
        {
            Sid: "EbsSnapshots",
            Effect: "Allow",
            Action: [
                "ec2:DescribeVolumes",
                "ec2:DescribeSnapshots",
                "ec2:CreateTags",
                "ec2:CreateVolume",
                "ec2:CreateSnapshot",
                "ec2:DeleteSnapshot",
            ],
            Resource: "*",
        },
        {
            Sid: "BackupObjects",
            Effect: "Allow",
            Action: [
                "s3:GetObject",
                "s3:DeleteObject",
                "s3:PutObject",
                "s3:PutObjectTagging",
                "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts",
            ],
            Resource: `${args.bucketArn}/*`,
        },
        { Sid: "ListBackups", Effect: "Allow", Action: "s3:ListBucket", Resource: args.bucketArn },
        {
            Sid: "BucketKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: args.bucketKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` } },
        },
        {
            Sid: "VolumeKeyThroughEc2",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncrypt*", "kms:DescribeKey", "kms:CreateGrant"],
            Resource: args.volumeKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `ec2.${args.region}.amazonaws.com` } },
        },
    );
}

export class AwsVelero extends DataComponent {
    readonly roleArn: pulumi.Output<string>;
    /** The Helm release (`velero` in namespace `velero`). */
    readonly releaseName: pulumi.Output<string>;

    constructor(name: string, args: AwsVeleroArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:AwsVelero", name, args.naming, opts);
        const chartVersion = args.chartVersion ?? VELERO_CHART.version;
        const pluginImage = args.pluginImage ?? VELERO_PLUGINS.aws.image;
        this.validate(validateAwsVeleroArgs(args, chartVersion, pluginImage));
        const children = this.children;
        const role = new aws.iam.Role(
            children.name("role"),
            {
                name: children.physical("role", "iamRole"),
                description: `Velero in ${VELERO_NAMESPACE}/${VELERO_SERVICE_ACCOUNT} (EKS Pod Identity)`,
                assumeRolePolicy: JSON.stringify(
                    policyDocument({
                        Effect: "Allow",
                        Principal: { Service: "pods.eks.amazonaws.com" },
                        Action: ["sts:AssumeRole", "sts:TagSession"],
                    }),
                ),
            },
            children.options(),
        );
        const policy = new aws.iam.RolePolicy(
            children.name("role"),
            {
                role: role.id,
                name: "velero",
                policy: pulumi
                    .all([args.bucketArn, args.bucketKmsKeyArn, args.volumeKmsKeyArn])
                    .apply(([bucketArn, bucketKeyArn, volumeKeyArn]) =>
                        JSON.stringify(veleroAwsPolicy({ bucketArn, bucketKeyArn, volumeKeyArn, region: args.region })),
                    ),
            },
            children.options(),
        );
        const association = new aws.eks.PodIdentityAssociation(
            children.name("identity"),
            { clusterName: args.clusterName, namespace: VELERO_NAMESPACE, serviceAccount: VELERO_SERVICE_ACCOUNT, roleArn: role.arn },
            children.options({ dependsOn: [policy] }),
        );
        const release = veleroRelease(children, {
            provider: args.kubernetesProvider,
            chartVersion,
            dependsOn: [association],
            values: pulumi.output(args.bucketName).apply((bucket) =>
                veleroValues({
                    provider: "aws",
                    pluginImage,
                    bucket,
                    prefix: "velero",
                    storageConfig: { region: args.region, serverSideEncryption: "aws:kms" },
                    snapshotConfig: { region: args.region },
                    serviceAccountAnnotations: {},
                }),
            ),
        });
        this.roleArn = role.arn;
        this.releaseName = release.name;
        this.complete("roleArn", "releaseName");
    }
}

/** Every problem with AwsVelero's arguments. */
export function validateAwsVeleroArgs(args: AwsVeleroArgs, chartVersion: string, pluginImage: string): Issue[] {
    return [...checkVeleroPins(chartVersion, pluginImage), ...checkRegion("region", args.region, "aws")];
}
