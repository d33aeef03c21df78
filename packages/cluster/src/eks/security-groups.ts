/**
 * The cluster and node security group rules as data: only what EKS needs. The control plane
 * reaches kubelets and in-cluster webhooks and aggregated APIs on a fixed set of ports; nodes
 * reach the API server on 443; nodes talk to each other freely (with the VPC CNI, pod traffic
 * between nodes carries the node's security group, and NetworkPolicy, enforced by the VPC CNI,
 * is the finer control); nodes reach out (images, AWS APIs) through NAT and the VPC endpoints.
 */
import type { Issue } from "@platform/core";

export type SecurityGroupRole = "cluster" | "node";

export interface SecurityGroupRuleSpec {
    /** A name segment, unique per rule: part of the rule's logical name. */
    readonly key: string;
    readonly group: SecurityGroupRole;
    readonly direction: "ingress" | "egress";
    /** `tcp`, `udp`, or `-1` for all protocols. */
    readonly protocol: "tcp" | "udp" | "-1";
    readonly port?: number;
    /** The other side: a group of this cluster, or a CIDR. */
    readonly peer: { readonly group: SecurityGroupRole } | { readonly cidr: string };
    readonly description: string;
}

/**
 * Tags of the node security group: `egress: internet` marks a group whose hosts must reach
 * arbitrary internet endpoints (node-out-all), which the aws pack's aws-sg-no-public-egress-all
 * admits only on groups so tagged.
 */
export const NODE_EGRESS_TAGS: Readonly<Record<string, string>> = { egress: "internet" };

/** Ports on nodes the control plane calls, and why. */
export const CONTROL_PLANE_TO_NODE_PORTS: ReadonlyArray<{ readonly port: number; readonly why: string }> = [
    { port: 443, why: "webhooks and aggregated APIs served on 443" },
    { port: 4443, why: "metrics-server" },
    { port: 6443, why: "webhooks served on 6443" },
    { port: 8443, why: "webhooks served on 8443" },
    { port: 9443, why: "webhooks served on 9443 (AWS Load Balancer Controller, ...)" },
    { port: 10250, why: "kubelet API (logs, exec, port-forward, metrics)" },
];

/** Every rule of the cluster's two security groups. */
export function planEksSecurityGroupRules(): SecurityGroupRuleSpec[] {
    const rules: SecurityGroupRuleSpec[] = [
        {
            key: "cluster-in-443-nodes",
            group: "cluster",
            direction: "ingress",
            protocol: "tcp",
            port: 443,
            peer: { group: "node" },
            description: "Nodes and pods to the Kubernetes API",
        },
    ];
    for (const { port, why } of CONTROL_PLANE_TO_NODE_PORTS) {
        rules.push({
            key: `cluster-out-${port}-nodes`,
            group: "cluster",
            direction: "egress",
            protocol: "tcp",
            port,
            peer: { group: "node" },
            description: `Control plane to nodes: ${why}`,
        });
        rules.push({
            key: `node-in-${port}-cluster`,
            group: "node",
            direction: "ingress",
            protocol: "tcp",
            port,
            peer: { group: "cluster" },
            description: `Control plane to nodes: ${why}`,
        });
    }
    rules.push(
        {
            key: "node-in-all-nodes",
            group: "node",
            direction: "ingress",
            protocol: "-1",
            peer: { group: "node" },
            description: "Node to node and pod to pod (VPC CNI); NetworkPolicy narrows it",
        },
        {
            key: "node-out-all",
            group: "node",
            direction: "egress",
            protocol: "-1",
            peer: { cidr: "0.0.0.0/0" },
            description: "Nodes out: images, AWS APIs (through NAT and VPC endpoints), the API server",
        },
    );
    return rules;
}

/** Nodes (a managed node group or Karpenter's) must carry the cluster's node security group. */
export function checkNodeSecurityGroups(field: string, ids: readonly unknown[] | undefined): Issue[] {
    if ((ids ?? []).length > 0) {
        return [];
    }
    return [
        {
            field,
            value: ids,
            problem: "nodes without the node security group cannot reach the control plane",
            fix: "pass EksCluster.nodeSecurityGroupId",
        },
    ];
}
