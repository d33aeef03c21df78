/**
 * Node launch templates as data. Every node: IMDSv2 only, with a hop limit of 1 so that pods (in
 * their own network namespace) cannot reach the instance's credentials and must use Pod Identity;
 * host-network agents (vpc-cni, the Pod Identity agent, kube-proxy) still reach IMDS. An encrypted
 * gp3 root volume with the customer-managed `data` key. No SSH key: Session Manager (the node
 * role's AmazonSSMManagedInstanceCore) is the way in. The AMI and bootstrap come from EKS (the
 * node group's AL2023 AMI type), so the template carries no image id or user data.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** Root volume device of the EKS AL2023 AMIs. */
export const ROOT_DEVICE_NAME = "/dev/xvda";

export interface NodeLaunchTemplateSpec {
    /** The template's physical name. */
    readonly name: string;
    /** What the nodes are (the template's description). */
    readonly description: string;
    readonly securityGroupIds: readonly pulumi.Input<string>[];
    readonly rootVolumeGiB: number;
    readonly kmsKeyArn: pulumi.Input<string>;
    /** IMDS hop limit: 1, or 2 where a documented workload needs IMDS from a pod's network namespace. */
    readonly metadataHopLimit: 1 | 2;
    /** Tags of the instances and volumes (the provider's default tags do not reach them). */
    readonly resourceTags: Readonly<Record<string, string>>;
}

/** The `aws.ec2.LaunchTemplate` arguments of a node launch template. */
export function nodeLaunchTemplateArgs(spec: NodeLaunchTemplateSpec): aws.ec2.LaunchTemplateArgs {
    return {
        name: spec.name,
        description: spec.description,
        updateDefaultVersion: true,
        vpcSecurityGroupIds: [...spec.securityGroupIds],
        metadataOptions: {
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: spec.metadataHopLimit,
            httpProtocolIpv6: "disabled",
            instanceMetadataTags: "disabled",
        },
        blockDeviceMappings: [
            {
                deviceName: ROOT_DEVICE_NAME,
                ebs: {
                    volumeSize: spec.rootVolumeGiB,
                    volumeType: "gp3",
                    iops: 3000,
                    throughput: 125,
                    encrypted: "true",
                    kmsKeyId: spec.kmsKeyArn,
                    deleteOnTermination: "true",
                },
            },
        ],
        monitoring: { enabled: true },
        tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
            resourceType,
            tags: { ...spec.resourceTags },
        })),
        tags: { Name: spec.name },
    };
}
