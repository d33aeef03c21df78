/**
 * EKS access entries (authentication mode API): who may use the cluster, without the aws-auth
 * ConfigMap. Administrators are IAM roles from config, each bound to the cluster-admin access
 * policy at cluster scope. Group roles (`platform:cluster.groupRoles`) are IAM roles whose sessions
 * become members of Kubernetes groups, with no access policy: the platform layer's RBAC bindings
 * for those groups (the break-glass group, the app teams) decide what they may do. Read-only roles
 * (the nightly drift role) get the admin-view policy through `EksViewerAccess`, in the platform
 * layer. Managed node groups get their EC2_LINUX entries from EKS; Karpenter's node role gets one
 * explicitly.
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
    return entryKey("admin", roleArn);
}

/** The child-name segment of a group role's access entry (`group-<role>-<hash>`), stable like {@link adminEntryKey}. */
export function groupEntryKey(roleArn: string): string {
    return entryKey("group", roleArn);
}

function entryKey(prefix: string, roleArn: string): string {
    const roleName = roleArn.slice(roleArn.lastIndexOf("/") + 1);
    const slug =
        roleName
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "")
            .slice(0, 40)
            .replace(/-+$/g, "") || "role";
    return `${prefix}-${slug}-${createHash("sha256").update(roleArn).digest("hex").slice(0, 6)}`;
}

/** An IAM role whose sessions are members of Kubernetes groups (RBAC decides their rights). */
export interface GroupRole {
    readonly roleArn: string;
    /** Kubernetes groups, never `system:` ones (EKS refuses them). */
    readonly groups: readonly string[];
}
