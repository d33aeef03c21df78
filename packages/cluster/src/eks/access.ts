/**
 * EKS access entries (authentication mode API): who may use the cluster, without the aws-auth
 * ConfigMap. Administrators are IAM roles from config, each bound to the cluster-admin access
 * policy at cluster scope. Managed node groups get their EC2_LINUX entries from EKS; Karpenter's
 * node role gets one explicitly.
 */
import { createHash } from "node:crypto";

/** The cluster-admin access policy (cluster scope). */
export function clusterAdminPolicyArn(partition: string): string {
    return `arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`;
}

/**
 * The read-everything access policy (cluster scope), Secrets included: what a read-only identity
 * needs to refresh the platform's Kubernetes objects and Helm releases (Helm keeps releases in Secrets).
 */
export function clusterAdminViewPolicyArn(partition: string): string {
    return `arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy`;
}

/**
 * A stable child-name segment for an administrator role: its name, lowercased to a name segment,
 * plus a short hash of the whole ARN (two accounts may have roles of the same name). Removing one
 * administrator never renames, and so never replaces, another's entry.
 */
export function adminEntryKey(roleArn: string): string {
    const roleName = roleArn.slice(roleArn.lastIndexOf("/") + 1);
    const slug =
        roleName
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "")
            .slice(0, 40)
            .replace(/-+$/g, "") || "role";
    return `admin-${slug}-${createHash("sha256").update(roleArn).digest("hex").slice(0, 6)}`;
}
