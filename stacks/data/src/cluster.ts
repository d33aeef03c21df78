/**
 * What the data layer needs from the cluster layer, and the only place it connects to it: the
 * node security group (the one every node carries, managed and Karpenter nodes alike), which the
 * databases, the cache and the broker admit; the cluster name (Velero's Pod Identity
 * association) or the workload identity pool (Velero's Workload Identity binding); and a
 * Kubernetes provider on the cluster's kubeconfig, which installs Velero.
 *
 * The `data` stack reads them through `TypedStackReference<AwsClusterOutputs | GcpClusterOutputs>`
 * (`<organization>/cluster/<stack>`, {@link readClusterAccess}); the root one-stack program passes
 * the cluster layer's return value ({@link clusterAccess}).
 */
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { clusterProvider } from "@platform/cluster";
import {
    type AwsClusterOutputs,
    type Cloud,
    type ClusterOutputs,
    type GcpClusterOutputs,
    type PlatformSettings,
    resourceName,
    type StackOutputs,
    TypedStackReference,
} from "@platform/core";

export interface AwsClusterAccess {
    readonly cloud: "aws";
    /** The security group every node carries (`AwsClusterOutputs.nodeSecurityGroupId`). */
    readonly nodeSecurityGroupId: pulumi.Input<string>;
    readonly clusterName: pulumi.Input<string>;
    /** The cluster's default StorageClass, encrypted with the `data` key (`AwsClusterOutputs.defaultStorageClass`). */
    readonly defaultStorageClass: pulumi.Input<string | null>;
    readonly kubernetesProvider: k8s.Provider;
}

export interface GcpClusterAccess {
    readonly cloud: "gcp";
    /** `<project>.svc.id.goog` (`GcpClusterOutputs.workloadIdentityPool`). */
    readonly workloadIdentityPool: pulumi.Input<string>;
    readonly kubernetesProvider: k8s.Provider;
}

export type ClusterAccess = AwsClusterAccess | GcpClusterAccess;

/** The cluster project's name. */
export const CLUSTER_PROJECT = "cluster";

/** The parts of the cluster contract the data layer reads. */
export type AwsClusterInputs = Pick<
    StackOutputs<AwsClusterOutputs>,
    "clusterName" | "kubeconfig" | "nodeSecurityGroupId" | "defaultStorageClass"
>;
export type GcpClusterInputs = Pick<StackOutputs<GcpClusterOutputs>, "clusterName" | "kubeconfig" | "workloadIdentityPool">;

function providerName(settings: PlatformSettings): string {
    return resourceName({ project: settings.project, environment: settings.environment, component: "data-k8s" });
}

/**
 * The data layer's access to an EKS cluster: its own Kubernetes provider on the cluster's
 * kubeconfig (`<project>-<env>-data-k8s`, server-side apply like the cluster layer's), used only
 * once the default StorageClass exists: the add-ons that create it wait for the node groups, so in
 * the one-stack program nothing of the data layer reaches a cluster without nodes (through a stack
 * reference the cluster stack is complete anyway).
 */
export function awsClusterAccess(settings: PlatformSettings, cluster: AwsClusterInputs): AwsClusterAccess {
    const kubeconfig = pulumi.all([cluster.kubeconfig, cluster.defaultStorageClass]).apply(([config]) => config);
    return {
        cloud: "aws",
        nodeSecurityGroupId: cluster.nodeSecurityGroupId,
        clusterName: cluster.clusterName,
        defaultStorageClass: cluster.defaultStorageClass,
        kubernetesProvider: clusterProvider(providerName(settings), { kubeconfig, clusterName: cluster.clusterName }),
    };
}

/** The data layer's access to a GKE cluster: the workload identity pool and its own Kubernetes provider. */
export function gcpClusterAccess(settings: PlatformSettings, cluster: GcpClusterInputs): GcpClusterAccess {
    return {
        cloud: "gcp",
        workloadIdentityPool: cluster.workloadIdentityPool,
        kubernetesProvider: clusterProvider(providerName(settings), { kubeconfig: cluster.kubeconfig, clusterName: cluster.clusterName }),
    };
}

/** The access for the cluster layer's outputs (the one-stack program), by the settings' cloud. */
export function clusterAccess(
    settings: PlatformSettings,
    cluster: StackOutputs<AwsClusterOutputs> | StackOutputs<GcpClusterOutputs>,
): ClusterAccess {
    if (settings.cloud === "aws") {
        if (!("nodeSecurityGroupId" in cluster)) {
            throw new Error("data layer: settings say aws, but the cluster layer's outputs are not AWS's");
        }
        return awsClusterAccess(settings, cluster);
    }
    if (!("workloadIdentityPool" in cluster)) {
        throw new Error("data layer: settings say gcp, but the cluster layer's outputs are not GCP's");
    }
    return gcpClusterAccess(settings, cluster);
}

function clusterReference<T extends ClusterOutputs>(): TypedStackReference<T> {
    return new TypedStackReference<T>("cluster", {
        organization: pulumi.getOrganization(),
        project: CLUSTER_PROJECT,
        stack: pulumi.getStack(),
    });
}

/** Fails by name when the cluster stack of the environment is on another cloud than the data stack's config. */
export function checkClusterCloud(actual: Cloud, expected: Cloud): void {
    if (actual !== expected) {
        throw new Error(`the cluster stack of this environment is on ${actual}, but the data stack's config says ${expected}`);
    }
}

/** `value` once the cluster's cloud is the expected one. */
function onCloud(cloud: pulumi.Output<Cloud>, expected: Cloud, value: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.all([cloud, value]).apply(([actual, v]) => {
        checkClusterCloud(actual, expected);
        return v;
    });
}

/** The cluster layer's outputs the data stack needs, read through `<organization>/cluster/<stack>`. */
export function readClusterAccess(settings: PlatformSettings): ClusterAccess {
    if (settings.cloud === "aws") {
        const ref = clusterReference<AwsClusterOutputs>();
        return awsClusterAccess(settings, {
            clusterName: ref.require("clusterName"),
            kubeconfig: ref.require("kubeconfig"),
            nodeSecurityGroupId: onCloud(ref.require("cloud"), "aws", ref.require("nodeSecurityGroupId")),
            defaultStorageClass: ref.require("defaultStorageClass"),
        });
    }
    const ref = clusterReference<GcpClusterOutputs>();
    return gcpClusterAccess(settings, {
        clusterName: ref.require("clusterName"),
        kubeconfig: ref.require("kubeconfig"),
        workloadIdentityPool: onCloud(ref.require("cloud"), "gcp", ref.require("workloadIdentityPool")),
    });
}
