/**
 * Physical names that two layers must agree on. The foundation layer tags subnets for the EKS
 * cluster the cluster layer creates later, so the name comes from one function.
 */
import { resourceName } from "../naming.js";

/** The EKS cluster component's name in the cluster layer (its physical name is `eksClusterName`). */
export const EKS_CLUSTER_COMPONENT = "eks";

/**
 * The EKS cluster of an environment: `<project>-<environment>-eks`, the name the foundation tags
 * subnets with and the cluster layer gives its cluster. `component` is the cluster component's
 * name, so a second cluster in one environment gets its own name.
 */
export function eksClusterName(
    naming: { readonly project: string; readonly environment: string },
    component = EKS_CLUSTER_COMPONENT,
): string {
    return resourceName({ ...naming, component }, "eksCluster");
}
