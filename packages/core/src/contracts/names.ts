/**
 * Physical names that two layers must agree on. The foundation layer tags subnets for the EKS
 * cluster the cluster layer creates later, so the name comes from one function.
 */
import { resourceName } from "../naming.js";

/** The EKS cluster of an environment: `<project>-<environment>-eks`. */
export function eksClusterName(naming: { readonly project: string; readonly environment: string }): string {
    return resourceName({ ...naming, component: "eks" }, "eksCluster");
}
