/**
 * EksNodeGroup: one EKS managed node group with its launch template (`launch-template.ts`):
 * IMDSv2 with hop limit 1, an encrypted gp3 root volume with the customer-managed key, no SSH
 * key, the AL2023 EKS AMI at the cluster's version. The node group spreads over the subnets it is
 * given (the private subnets of the profile's zones) and rolls nodes a third at a time.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
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
import { nodeLaunchTemplateArgs } from "./launch-template.js";
import { EKS_AMI_TYPE } from "./versions.js";
import { checkNodeSecurityGroups } from "./security-groups.js";

/** Taint effects as the EKS API spells them. */
export const EKS_TAINT_EFFECTS = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const;

export interface EksNodeTaint {
    readonly key: string;
    readonly value?: string;
    readonly effect: (typeof EKS_TAINT_EFFECTS)[number];
}

export interface EksNodeGroupSize {
    /** Nodes the group starts with; later changes by hand or an autoscaler are kept (ignored in diffs). */
    readonly desired: number;
    readonly min: number;
    readonly max: number;
}

export interface EksNodeGroupArgs {
    /** Project and environment: the group and its template are `<project>-<env>-<component name>`. */
    readonly naming: ComponentNaming;
    /** The cluster's name (EksCluster `cluster.name`, so the group waits for the cluster). */
    readonly clusterName: pulumi.Input<string>;
    /** The cluster's Kubernetes version: nodes follow the control plane. */
    readonly kubernetesVersion: KubernetesVersion;
    /** The node IAM role (EksCluster `nodeRoleArn`). */
    readonly nodeRoleArn: pulumi.Input<string>;
    /** Private subnets the nodes spread over (one per zone the profile's `nodeZones` spans). */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups of the nodes (EksCluster `nodeSecurityGroupId`). */
    readonly securityGroupIds: readonly pulumi.Input<string>[];
    /** EC2 instance type, e.g. `m7i.2xlarge` (core `nodeMachineType` from the profile's shape). */
    readonly instanceType: string;
    readonly size: EksNodeGroupSize;
    /** ARN of the customer-managed key of the root volumes (the foundation's `data` key). */
    readonly volumeKmsKeyArn: pulumi.Input<string>;
    /**
     * Root volume size in GiB: images and container logs live there.
     * @default 50
     */
    readonly rootVolumeGiB?: number;
    /** Kubernetes labels of the nodes. @default {} */
    readonly labels?: Readonly<Record<string, string>>;
    /** Kubernetes taints of the nodes, e.g. `CriticalAddonsOnly` for the system group. @default [] */
    readonly taints?: readonly EksNodeTaint[];
    /**
     * IMDS hop limit. 1 keeps pods away from the instance role (they use Pod Identity); 2 only for
     * a documented workload that needs IMDS from a pod network namespace (none does today).
     * @default 1
     */
    readonly metadataHopLimit?: 1 | 2;
    /** Tags for the instances, volumes and ENIs the group launches (provider default tags do not reach them). @default {} */
    readonly instanceTags?: Readonly<Record<string, string>>;
}

const INSTANCE_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const LABEL_KEY_PATTERN =
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

export class EksNodeGroup extends PlatformComponent {
    readonly launchTemplate: aws.ec2.LaunchTemplate;
    readonly nodeGroup: aws.eks.NodeGroup;
    readonly nodeGroupName: pulumi.Output<string>;

    constructor(name: string, args: EksNodeGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:EksNodeGroup", name, args.naming, opts);
        const rootVolumeGiB = args.rootVolumeGiB ?? 50;
        const hopLimit = args.metadataHopLimit ?? 1;
        this.validate(validateEksNodeGroupArgs(args, rootVolumeGiB, hopLimit));

        const groupName = this.physicalName("nodes");
        this.launchTemplate = new aws.ec2.LaunchTemplate(
            this.childName("launch-template"),
            nodeLaunchTemplateArgs({
                name: groupName,
                description: `Nodes of the ${this.componentName} group (${args.instanceType})`,
                securityGroupIds: args.securityGroupIds,
                rootVolumeGiB,
                kmsKeyArn: args.volumeKmsKeyArn,
                metadataHopLimit: hopLimit,
                resourceTags: { ...args.instanceTags, Name: groupName },
            }),
            this.childOptions(),
        );
        this.nodeGroup = new aws.eks.NodeGroup(
            this.childName("node-group"),
            {
                clusterName: args.clusterName,
                nodeGroupName: groupName,
                version: args.kubernetesVersion,
                nodeRoleArn: args.nodeRoleArn,
                subnetIds: args.subnetIds,
                amiType: EKS_AMI_TYPE,
                capacityType: "ON_DEMAND",
                instanceTypes: [args.instanceType],
                scalingConfig: { desiredSize: args.size.desired, minSize: args.size.min, maxSize: args.size.max },
                updateConfig: { maxUnavailablePercentage: 33 },
                launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.apply(String) },
                labels: { ...args.labels },
                taints: (args.taints ?? []).map((t) => ({
                    key: t.key,
                    effect: t.effect,
                    ...(t.value !== undefined ? { value: t.value } : {}),
                })),
                tags: { Name: groupName },
            },
            // The desired size is the starting point; whoever scales the group later owns it.
            this.childOptions({ ignoreChanges: ["scalingConfig.desiredSize"] }),
        );
        this.nodeGroupName = this.nodeGroup.nodeGroupName;
        this.complete("nodeGroupName");
    }
}

/** Every problem with EksNodeGroup's arguments. */
export function validateEksNodeGroupArgs(args: EksNodeGroupArgs, rootVolumeGiB: number, hopLimit: number): Issue[] {
    const issues: Issue[] = [
        ...checkOneOf("kubernetesVersion", args.kubernetesVersion, KUBERNETES_VERSIONS),
        ...checkPattern("instanceType", args.instanceType, INSTANCE_TYPE_PATTERN, "an EC2 instance type, e.g. m7i.2xlarge"),
        ...checkWholeNumber("size.min", args.size?.min, { min: 1, max: 450 }),
        ...checkWholeNumber("size.max", args.size?.max, { min: 1, max: 450 }),
        ...checkWholeNumber("size.desired", args.size?.desired, { min: 1, max: 450 }),
        ...checkWholeNumber("rootVolumeGiB", rootVolumeGiB, { min: 20, max: 16384 }, "use at least 20 GiB (images and logs live there)"),
        ...checkOneOf("metadataHopLimit", hopLimit, [1, 2]),
    ];
    if (args.size !== undefined && (args.size.min > args.size.desired || args.size.desired > args.size.max)) {
        issues.push({
            field: "size",
            value: args.size,
            problem: "desired must lie between min and max",
            fix: "choose min <= desired <= max",
        });
    }
    issues.push(...checkNodeSecurityGroups("securityGroupIds", args.securityGroupIds));
    for (const key of Object.keys(args.labels ?? {})) {
        issues.push(...checkPattern(`labels.${key}`, key, LABEL_KEY_PATTERN, "a Kubernetes label key, e.g. platform.io/node-pool"));
    }
    (args.taints ?? []).forEach((taint, i) => {
        issues.push(...checkPattern(`taints[${i}].key`, taint.key, LABEL_KEY_PATTERN, "a Kubernetes taint key, e.g. CriticalAddonsOnly"));
        issues.push(...checkOneOf(`taints[${i}].effect`, taint.effect, EKS_TAINT_EFFECTS));
    });
    return issues;
}
