/**
 * The kubernetes provider of a cluster, built from the cluster's outputs: every Kubernetes object
 * of the layer (and of later layers, from the cluster contract's `kubeconfig`) goes through it,
 * never through an ambient ~/.kube/config.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface ClusterProviderArgs {
    /** The exec-based kubeconfig (`eksKubeconfig` / `gkeKubeconfig`): no credentials inside. */
    readonly kubeconfig: pulumi.Input<string>;
    /** The cluster's name, the provider's `clusterIdentifier`: a new cluster replaces the provider, a new endpoint does not. */
    readonly clusterName: pulumi.Input<string>;
}

/**
 * A kubernetes provider for one cluster: server-side apply, no default namespace (every object
 * names its own), and `deleteUnreachable` off so an unreachable cluster never drops objects from
 * the state.
 */
export function clusterProvider(name: string, args: ClusterProviderArgs, opts?: pulumi.CustomResourceOptions): k8s.Provider {
    return new k8s.Provider(
        name,
        {
            kubeconfig: pulumi.secret(args.kubeconfig),
            clusterIdentifier: args.clusterName,
            enableServerSideApply: true,
            deleteUnreachable: false,
        },
        opts,
    );
}
