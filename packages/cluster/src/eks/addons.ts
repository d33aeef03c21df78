/**
 * EksAddons: the managed add-ons that need running nodes (CoreDNS, the EBS CSI driver through
 * EKS Pod Identity) and the cluster's default StorageClass: gp3, encrypted with the
 * customer-managed `data` key, bound when a pod is scheduled (so the volume lands in the pod's
 * zone), expandable. Create it after the node groups (`dependsOn`): an add-on whose pods cannot
 * schedule never becomes active.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
    checkOneOf,
    checkPattern,
    checkWholeNumber,
    type ComponentNaming,
    type Issue,
    KUBERNETES_VERSIONS,
    type KubernetesVersion,
    PlatformComponent,
} from "@platform/core";
import { EBS_CSI_POLICY, ebsCsiKmsPolicy, managedPolicyArn, podIdentityTrustPolicy } from "./iam.js";
import { EKS_ADDON_VERSIONS } from "./versions.js";

/** The EBS CSI driver's provisioner name. */
export const EBS_CSI_PROVISIONER = "ebs.csi.aws.com";

export const RECLAIM_POLICIES = ["Delete", "Retain"] as const;
export type ReclaimPolicy = (typeof RECLAIM_POLICIES)[number];

export interface EksAddonsArgs {
    /** Project and environment (the naming context every component takes). */
    readonly naming: ComponentNaming;
    /** The cluster's name (EksCluster `cluster.name`). */
    readonly clusterName: pulumi.Input<string>;
    /** The cluster's ARN: the Pod Identity trust is scoped to it. */
    readonly clusterArn: pulumi.Input<string>;
    /** The cluster's Kubernetes version: the add-on versions follow it. */
    readonly kubernetesVersion: KubernetesVersion;
    /** ARN of the customer-managed key encrypting volumes (the foundation's `data` key). */
    readonly volumeKmsKeyArn: pulumi.Input<string>;
    /**
     * CoreDNS replicas: at least 2 so a node drain never stops name resolution; spread over zones by the add-on.
     * @default 2
     */
    readonly coreDnsReplicas?: number;
    /**
     * Name of the default StorageClass.
     * @default "gp3"
     */
    readonly storageClassName?: string;
    /**
     * What happens to a volume when its claim is deleted. `Retain` keeps production data after an
     * accidental `kubectl delete pvc`; `Delete` avoids paying for orphaned volumes elsewhere.
     * @default "Retain" when the component is protected, else "Delete"
     */
    readonly reclaimPolicy?: ReclaimPolicy;
}

/** Pass the cluster's kubernetes provider in `providers` (with the AWS one): the StorageClass is a Kubernetes object. */
export class EksAddons extends PlatformComponent {
    readonly coreDns: aws.eks.Addon;
    readonly ebsCsiDriver: aws.eks.Addon;
    readonly storageClass: k8s.storage.v1.StorageClass;
    readonly storageClassName: string;

    constructor(name: string, args: EksAddonsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:EksAddons", name, args.naming, opts);
        const coreDnsReplicas = args.coreDnsReplicas ?? 2;
        const storageClassName = args.storageClassName ?? "gp3";
        const reclaimPolicy = args.reclaimPolicy ?? (this.isProtected ? "Retain" : "Delete");
        this.validate(validateEksAddonsArgs(args, coreDnsReplicas, storageClassName, reclaimPolicy));

        const versions = EKS_ADDON_VERSIONS[args.kubernetesVersion];
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        this.coreDns = new aws.eks.Addon(
            this.childName("coredns"),
            {
                clusterName: args.clusterName,
                addonName: "coredns",
                addonVersion: versions.coredns,
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                configurationValues: JSON.stringify({ replicaCount: coreDnsReplicas }),
                tags: { Name: this.physicalName("coredns") },
            },
            this.childOptions(),
        );

        const csiRole = new aws.iam.Role(
            this.childName("ebs-csi-role"),
            {
                name: this.physicalName("ebs-csi", "iamRole"),
                description: "EBS CSI driver (EKS Pod Identity)",
                assumeRolePolicy: pulumi
                    .all([accountId, args.clusterArn])
                    .apply(([id, clusterArn]) => JSON.stringify(podIdentityTrustPolicy(id, clusterArn))),
                tags: { Name: this.physicalName("ebs-csi") },
            },
            this.childOptions(),
        );
        const csiPolicy = new aws.iam.RolePolicyAttachment(
            this.childName("ebs-csi-role-policy"),
            { role: csiRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, EBS_CSI_POLICY)) },
            this.childOptions(),
        );
        // Encrypted volumes with a customer-managed key need grants on that key, and only that key.
        const csiKms = new aws.iam.RolePolicy(
            this.childName("ebs-csi-kms"),
            {
                name: this.physicalName("ebs-csi-kms", "iamRole"),
                role: csiRole.name,
                policy: pulumi.output(args.volumeKmsKeyArn).apply((arn) => JSON.stringify(ebsCsiKmsPolicy(arn))),
            },
            this.childOptions(),
        );
        this.ebsCsiDriver = new aws.eks.Addon(
            this.childName("aws-ebs-csi-driver"),
            {
                clusterName: args.clusterName,
                addonName: "aws-ebs-csi-driver",
                addonVersion: versions["aws-ebs-csi-driver"],
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                podIdentityAssociations: [{ roleArn: csiRole.arn, serviceAccount: "ebs-csi-controller-sa" }],
                tags: { Name: this.physicalName("aws-ebs-csi-driver") },
            },
            this.childOptions({ dependsOn: [csiPolicy, csiKms] }),
        );

        this.storageClassName = storageClassName;
        this.storageClass = new k8s.storage.v1.StorageClass(
            this.childName("storage-class"),
            {
                metadata: {
                    name: storageClassName,
                    annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
                },
                provisioner: EBS_CSI_PROVISIONER,
                parameters: {
                    type: "gp3",
                    encrypted: "true",
                    kmsKeyId: args.volumeKmsKeyArn,
                    "csi.storage.k8s.io/fstype": "ext4",
                },
                reclaimPolicy,
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
            },
            this.childOptions({ dependsOn: [this.ebsCsiDriver] }),
        );
        this.complete("storageClassName");
    }
}

const RESOURCE_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Every problem with EksAddons' arguments. */
export function validateEksAddonsArgs(
    args: EksAddonsArgs,
    coreDnsReplicas: number,
    storageClassName: string,
    reclaimPolicy: string,
): Issue[] {
    return [
        ...checkOneOf("kubernetesVersion", args.kubernetesVersion, KUBERNETES_VERSIONS),
        ...checkWholeNumber(
            "coreDnsReplicas",
            coreDnsReplicas,
            { min: 2, max: 20 },
            "use at least 2 so a node drain never stops name resolution",
        ),
        ...checkPattern("storageClassName", storageClassName, RESOURCE_NAME_PATTERN, "a Kubernetes object name, e.g. gp3"),
        ...checkOneOf("reclaimPolicy", reclaimPolicy, RECLAIM_POLICIES),
    ];
}
