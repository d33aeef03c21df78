/**
 * What the data layer needs from the cluster layer: the only place the data stack connects to it.
 *
 * The cluster layer (branch `cluster`, `packages/core/src/contracts/cluster.ts`) exports the node
 * security group, the cluster name, the workload identity pool and a kubeconfig. With them the
 * data layer admits the nodes to Postgres, Redis and RabbitMQ and installs Velero through the
 * cluster's Kubernetes provider. Until that contract is in main, {@link readClusterAccess}
 * returns `undefined`: the databases admit nobody (their security groups have no ingress rule)
 * and Velero is not installed; everything else is created. Connecting it is one function body:
 * read `TypedStackReference<ClusterOutputs>` (`<organization>/cluster/<stack>`) and build a
 * `kubernetes.Provider` from its `kubeconfig`.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformSettings } from "@platform/core";

export interface AwsClusterAccess {
    readonly cloud: "aws";
    /** The security group every node carries (`AwsClusterOutputs.nodeSecurityGroupId`). */
    readonly nodeSecurityGroupId: pulumi.Input<string>;
    readonly clusterName: pulumi.Input<string>;
    readonly kubernetesProvider: k8s.Provider;
}

export interface GcpClusterAccess {
    readonly cloud: "gcp";
    /** `<project>.svc.id.goog` (`GcpClusterOutputs.workloadIdentityPool`). */
    readonly workloadIdentityPool: pulumi.Input<string>;
    readonly kubernetesProvider: k8s.Provider;
}

export type ClusterAccess = AwsClusterAccess | GcpClusterAccess;

/** The cluster layer's access for the data layer; `undefined` until the cluster contract is in main (see the module comment). */
export function readClusterAccess(_settings: PlatformSettings): ClusterAccess | undefined {
    return undefined;
}
