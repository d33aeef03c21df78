/**
 * Where add-on pods run, and the settings every add-on shares. Controllers go to the tainted
 * system node group where the environment has one (EKS staging and prod), so a workload that
 * exhausts the general nodes never starves them; gateways (traffic) stay on the general nodes.
 * On GKE the system pool is reserved for GKE's own components, so add-ons share the general pool.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { IdentityCluster } from "@platform/workload";
import { type ComponentNaming, INTERNAL_LOAD_BALANCER_ANNOTATIONS } from "@platform/core";

export interface Toleration {
    readonly key: string;
    readonly operator: "Exists" | "Equal";
    readonly value?: string;
    readonly effect: "NoSchedule";
}

export interface Placement {
    readonly nodeSelector: Readonly<Record<string, string>>;
    readonly tolerations: readonly Toleration[];
}

/** The system node group's label and taint (the cluster layer's). */
export const SYSTEM_NODE_SELECTOR = { "platform.io/node-pool": "system" } as const;
export const CRITICAL_ADDONS_TOLERATION: Toleration = { key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" };

/** Controllers' placement: the system nodes when asked, else anywhere. */
export function controllerPlacement(onSystemNodes: boolean): Placement {
    return onSystemNodes
        ? { nodeSelector: { ...SYSTEM_NODE_SELECTOR }, tolerations: [CRITICAL_ADDONS_TOLERATION] }
        : { nodeSelector: {}, tolerations: [] };
}

/** A topology spread over zones for pods with these labels (soft: a controller must not block on a lost zone). */
export function zoneSpread(matchLabels: Readonly<Record<string, string>>): Array<Record<string, unknown>> {
    return [
        {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: { ...matchLabels } },
        },
    ];
}

/** What every add-on component takes: naming, the cluster, and where its controllers run. */
export interface AddonContext {
    readonly naming: ComponentNaming;
    readonly cloud: "aws" | "gcp";
    readonly region: string;
    /** The cluster's Kubernetes minor (namespaces pin Pod Security to it). */
    readonly kubernetesVersion: string;
    /** The cluster as cloud identities need it (Pod Identity / Workload Identity). */
    readonly cluster: IdentityCluster;
    /** The cluster's name (ExternalDNS's owner id). */
    readonly clusterName: pulumi.Input<string>;
    /** Run controllers on the system node group. */
    readonly onSystemNodes: boolean;
    /** Labels of the add-ons' namespaces (team, environment). */
    readonly labels: Readonly<Record<string, string>>;
}

/**
 * Who reaches a gateway's load balancer: `public`, the internet; `internal`, the VPC only (where
 * the environment has a public edge, so that the WAF / Cloud Armor in front of it is the one way
 * in from the internet).
 */
export type LoadBalancerExposure = "public" | "internal";

/**
 * Annotations of a gateway's `LoadBalancer` Service: on AWS an NLB across zones (the cloud
 * provider's), internal when asked; on GKE the passthrough network load balancer, internal when
 * asked (`INTERNAL_LOAD_BALANCER_ANNOTATIONS`, the fact the kubernetes pack checks).
 */
export function loadBalancerAnnotations(cloud: "aws" | "gcp", exposure: LoadBalancerExposure): Record<string, string> {
    const internal = exposure === "internal" ? INTERNAL_LOAD_BALANCER_ANNOTATIONS[cloud][0] : undefined;
    return {
        ...(cloud === "aws"
            ? {
                  "service.beta.kubernetes.io/aws-load-balancer-type": "nlb",
                  "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled": "true",
              }
            : {}),
        ...(internal !== undefined ? { [internal.key]: internal.value } : {}),
    };
}
