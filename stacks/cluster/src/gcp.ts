/**
 * The cluster layer on GCP (the DR environment): the APIs it calls, the regional GKE cluster, an
 * autoscaled general node pool and, where the profile has one, a system pool for GKE-managed
 * components; then the kubernetes provider. GKE's own cluster autoscaler scales the pools.
 */
import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { clusterProvider, GkeCluster, gkeKubeconfig, GkeNodePool } from "@platform/cluster";
import {
    type GcpClusterOutputs,
    type GcpFoundationOutputs,
    type GcpSettings,
    nodeMachineType,
    protectionOptions,
    resourceName,
    type StackOutputs,
} from "@platform/core";
import { GcpProjectServices } from "@platform/network";

/** Google APIs the cluster layer calls (the foundation enables compute and KMS). */
export const CLUSTER_APIS = ["container.googleapis.com", "iam.googleapis.com"] as const;

/** The system pool's shape, as on EKS. */
export const GKE_SYSTEM_NODE_SHAPE = { vcpu: 2, memoryGiB: 8 } as const;

/** GKE's taint for nodes reserved to GKE-managed components (they tolerate it). */
export const GKE_SYSTEM_TAINT = { key: "components.gke.io/gke-managed-components", value: "true", effect: "NO_SCHEDULE" } as const;

function machineType(vcpu: number, memoryGiB: number): string {
    const type = nodeMachineType("gcp", vcpu, memoryGiB);
    if (type === undefined) {
        throw new Error(`no GCE machine family has ${vcpu} vCPUs / ${memoryGiB} GiB; config validation should have refused it`);
    }
    return type;
}

export function gcpCluster(
    settings: GcpSettings,
    provider: gcp.Provider,
    foundation: StackOutputs<GcpFoundationOutputs>,
): StackOutputs<GcpClusterOutputs> {
    const naming = { project: settings.project, environment: settings.environment };
    const project = settings.gcpProject;
    const region = settings.region;
    const profile = settings.profile.cluster;
    const protection = protectionOptions(settings.profile);
    const keys = pulumi.output(foundation.kmsKeyIds);
    const zones = settings.network.availabilityZones.slice(0, profile.nodeZones);

    const apis = new GcpProjectServices("cluster-apis", { naming, project, services: CLUSTER_APIS }, { providers: [provider] });
    const gke = new GkeCluster(
        "gke",
        {
            naming,
            project,
            region,
            zones,
            network: foundation.networkSelfLink,
            subnetwork: pulumi.output(foundation.subnetSelfLinks).apply((links) => links[region] ?? ""),
            podRangeName: pulumi.output(foundation.podRangeNames).apply((names) => names[region] ?? ""),
            serviceRangeName: pulumi.output(foundation.serviceRangeNames).apply((names) => names[region] ?? ""),
            secretsKmsKeyId: keys.secrets,
            bootDiskKmsKeyId: keys.data,
            releaseChannel: profile.releaseChannel,
            kubernetesVersion: profile.kubernetesVersion,
            internalAccessCidrs: [settings.network.cidr],
            publicAccessCidrs: settings.cluster.publicAccessCidrs,
        },
        { providers: [provider], dependsOn: [apis], ...protection },
    );

    const poolCommon = {
        naming,
        project,
        clusterId: gke.clusterId,
        location: region,
        zones,
        serviceAccountEmail: gke.nodeServiceAccountEmail,
        bootDiskKmsKeyId: keys.data,
    };
    new GkeNodePool(
        "nodes-general",
        {
            ...poolCommon,
            machineType: machineType(profile.nodeVcpu, profile.nodeMemoryGiB),
            size: { initial: profile.nodeCount, min: profile.minNodes, max: profile.maxNodes },
            labels: { "platform.io/node-pool": "general" },
        },
        { providers: [provider], ...protection },
    );
    if (profile.systemNodes > 0) {
        new GkeNodePool(
            "nodes-system",
            {
                ...poolCommon,
                machineType: machineType(GKE_SYSTEM_NODE_SHAPE.vcpu, GKE_SYSTEM_NODE_SHAPE.memoryGiB),
                size: { initial: profile.systemNodes, min: profile.systemNodes, max: profile.systemNodes * 2 },
                labels: { "platform.io/node-pool": "system" },
                taints: [GKE_SYSTEM_TAINT],
            },
            { providers: [provider], ...protection },
        );
    }

    const kubeconfig = pulumi
        .all([gke.endpoint, gke.certificateAuthority])
        .apply(([endpoint, certificateAuthority]) =>
            gkeKubeconfig({ project, location: region, clusterName: gke.clusterName, endpoint, certificateAuthority }),
        );
    // Later layers build their own provider from the contract's kubeconfig; this one proves it works here.
    clusterProvider(resourceName({ ...naming, component: "k8s" }), { kubeconfig, clusterName: gke.cluster.name });

    return {
        environment: settings.environment,
        cloud: "gcp",
        region,
        clusterName: gke.clusterName,
        kubernetesVersion: profile.kubernetesVersion,
        endpoint: gke.endpoint.apply((e) => `https://${e}`),
        certificateAuthority: gke.certificateAuthority,
        kubeconfig: pulumi.secret(kubeconfig),
        oidcIssuerUrl: gke.oidcIssuerUrl,
        defaultStorageClass: "standard-rwo",
        gcpProject: project,
        clusterId: gke.clusterId,
        location: gke.location,
        workloadIdentityPool: gke.workloadIdentityPool,
        nodeServiceAccountEmail: gke.nodeServiceAccountEmail,
    };
}
