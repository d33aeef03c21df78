/**
 * The cluster layer on AWS: the EKS control plane, the managed node groups (general, and a tainted
 * system group where the profile has one), the add-ons that need nodes and the default encrypted
 * StorageClass, Karpenter above the managed floor, and the kubernetes provider. Everything is
 * sized from the profile; the network and keys come from the foundation contract.
 */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { clusterProvider, EksAddons, EksCluster, EksNodeGroup, eksKubeconfig, Karpenter } from "@platform/cluster";
import {
    type AwsClusterOutputs,
    type AwsFoundationOutputs,
    type AwsSettings,
    EKS_CLUSTER_COMPONENT,
    nodeMachineType,
    protectionOptions,
    resourceName,
    type StackOutputs,
} from "@platform/core";

/** The system node group's shape: enough for CoreDNS, Karpenter and the other cluster-critical add-ons. */
export const EKS_SYSTEM_NODE_SHAPE = { vcpu: 2, memoryGiB: 8 } as const;

/** The taint that keeps workloads off the system nodes (EKS add-ons and Karpenter tolerate it). */
export const CRITICAL_ADDONS_TAINT = { key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" } as const;

function machineType(vcpu: number, memoryGiB: number): string {
    const type = nodeMachineType("aws", vcpu, memoryGiB);
    if (type === undefined) {
        throw new Error(`no EC2 instance family has ${vcpu} vCPUs / ${memoryGiB} GiB; config validation should have refused it`);
    }
    return type;
}

export function awsCluster(
    settings: AwsSettings,
    provider: aws.Provider,
    foundation: StackOutputs<AwsFoundationOutputs>,
): StackOutputs<AwsClusterOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    const profile = settings.profile.cluster;
    const protection = protectionOptions(settings.profile);
    const keys = pulumi.output(foundation.kmsKeyArns);
    const zones = settings.network.availabilityZones.slice(0, profile.nodeZones);
    // Subnets come in AZ order: the node subnets are those of the profile's zones.
    const nodeSubnetIds = pulumi.output(foundation.privateSubnetIds).apply((ids) => ids.slice(0, profile.nodeZones));
    const instanceTags = { ...settings.ownership };

    const eks = new EksCluster(
        EKS_CLUSTER_COMPONENT,
        {
            naming,
            kubernetesVersion: profile.kubernetesVersion,
            vpcId: foundation.vpcId,
            subnetIds: foundation.privateSubnetIds,
            secretsKmsKeyArn: keys.secrets,
            logs: { retentionDays: settings.profile.logRetentionDays, kmsKeyArn: keys.logs },
            adminRoleArns: settings.cluster.adminRoleArns,
            groupRoles: settings.cluster.groupRoles,
            publicAccessCidrs: settings.cluster.publicAccessCidrs,
        },
        { providers: [provider], ...protection },
    );

    const kubeconfig = pulumi
        .all([eks.endpoint, eks.certificateAuthority])
        .apply(([endpoint, certificateAuthority]) =>
            eksKubeconfig({ clusterName: eks.clusterName, endpoint, certificateAuthority, region: settings.region }),
        );
    // The provider waits for the administrators' access, so its objects never race it.
    const k8sProvider = clusterProvider(
        resourceName({ ...naming, component: "k8s" }),
        { kubeconfig, clusterName: eks.cluster.name },
        { dependsOn: [...eks.adminAccess] },
    );

    const nodeGroupCommon = {
        naming,
        clusterName: eks.cluster.name,
        kubernetesVersion: profile.kubernetesVersion,
        nodeRoleArn: eks.nodeRoleArn,
        subnetIds: nodeSubnetIds,
        securityGroupIds: [eks.nodeSecurityGroupId],
        volumeKmsKeyArn: keys.data,
        instanceTags,
    };
    const nodeOpts = { providers: [provider], dependsOn: [...eks.nodeAddons], ...protection };
    const nodeGroups = [
        new EksNodeGroup(
            "nodes-general",
            {
                ...nodeGroupCommon,
                instanceType: machineType(profile.nodeVcpu, profile.nodeMemoryGiB),
                size: { desired: profile.nodeCount, min: profile.minNodes, max: profile.maxNodes },
                labels: { "platform.io/node-pool": "general" },
            },
            nodeOpts,
        ),
    ];
    if (profile.systemNodes > 0) {
        nodeGroups.push(
            new EksNodeGroup(
                "nodes-system",
                {
                    ...nodeGroupCommon,
                    instanceType: machineType(EKS_SYSTEM_NODE_SHAPE.vcpu, EKS_SYSTEM_NODE_SHAPE.memoryGiB),
                    size: { desired: profile.systemNodes, min: profile.systemNodes, max: profile.systemNodes * 2 },
                    labels: { "platform.io/node-pool": "system" },
                    taints: [CRITICAL_ADDONS_TAINT],
                },
                nodeOpts,
            ),
        );
    }

    const withNodes = { providers: [provider, k8sProvider], dependsOn: nodeGroups, ...protection };
    const addons = new EksAddons(
        "eks-addons",
        {
            naming,
            clusterName: eks.cluster.name,
            clusterArn: eks.clusterArn,
            kubernetesVersion: profile.kubernetesVersion,
            volumeKmsKeyArn: keys.data,
            coreDnsReplicas: Math.max(2, profile.nodeZones),
        },
        withNodes,
    );
    const extraNodes = profile.maxNodes - profile.nodeCount;
    const karpenter = new Karpenter(
        "karpenter",
        {
            naming,
            clusterName: eks.cluster.name,
            clusterArn: eks.clusterArn,
            clusterEndpoint: eks.endpoint,
            subnetIds: nodeSubnetIds,
            securityGroupIds: [eks.nodeSecurityGroupId],
            volumeKmsKeyArn: keys.data,
            zones,
            maxInstanceVcpu: profile.nodeVcpu,
            limits: { cpu: extraNodes * profile.nodeVcpu, memoryGiB: extraNodes * profile.nodeMemoryGiB },
            capacityTypes: profile.spotCapacity ? ["spot", "on-demand"] : ["on-demand"],
            // Two replicas need two nodes (the chart spreads them by hostname).
            replicas: profile.systemNodes >= 2 || profile.nodeCount >= 2 ? 2 : 1,
            onSystemNodes: profile.systemNodes > 0,
            instanceTags,
        },
        { ...withNodes, dependsOn: [...nodeGroups, addons] },
    );

    return {
        environment: settings.environment,
        cloud: "aws",
        region: settings.region,
        clusterName: eks.clusterName,
        kubernetesVersion: profile.kubernetesVersion,
        endpoint: eks.endpoint,
        certificateAuthority: eks.certificateAuthority,
        kubeconfig: pulumi.secret(kubeconfig),
        oidcIssuerUrl: eks.oidcIssuerUrl,
        defaultStorageClass: addons.storageClassName,
        clusterArn: eks.clusterArn,
        oidcProviderArn: eks.oidcProviderArn,
        clusterSecurityGroupId: eks.clusterSecurityGroupId,
        nodeSecurityGroupId: eks.nodeSecurityGroupId,
        nodeRoleArn: eks.nodeRoleArn,
        nodeRoleName: eks.nodeRoleName,
        karpenter: pulumi.output({ nodeRoleName: karpenter.nodeRoleName, interruptionQueueName: karpenter.interruptionQueueName }),
    };
}
