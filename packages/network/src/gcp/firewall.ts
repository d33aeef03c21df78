/**
 * The GCP firewall baseline as pure data. The VPC's implied rules already deny ingress, but an
 * implied rule cannot log; an explicit deny-all at priority 65534 (just above the implied rules)
 * records every dropped connection attempt. Everything allowed is named by source range:
 *
 * - internal: every region's nodes, pods and services ranges, tcp/udp/icmp;
 * - Google health checks (load balancers and GKE ingress) to the health-check ports only;
 * - IAP TCP forwarding to SSH (22), so no VM needs a public IP or an open 0.0.0.0/0:22.
 */
import type { GcpSubnetSpec } from "./plan.js";

/** Ranges Google Cloud load balancer health checks come from. */
export const GOOGLE_HEALTH_CHECK_RANGES = ["35.191.0.0/16", "130.211.0.0/22"] as const;
/** The range Identity-Aware Proxy TCP forwarding connects from. */
export const IAP_TCP_FORWARDING_RANGE = "35.235.240.0/20";
/** Priority of the logged deny-all ingress rule: just above the implied rules (65535). */
export const DENY_ALL_INGRESS_PRIORITY = 65534;
/** Priority of the baseline allow rules (GCP's default priority). */
export const BASELINE_ALLOW_PRIORITY = 1000;
/**
 * Ports Google health checks may reach by default: HTTP, HTTPS, the common app port, and 15021,
 * the Istio ingress gateway's readiness port, which the public edge's load balancer checks
 * (GkePublicGateway's HealthCheckPolicy): without it every backend would be unhealthy.
 */
export const DEFAULT_HEALTH_CHECK_PORTS: readonly number[] = [80, 443, 8080, 15021];

/** The baseline rules, in creation order. */
export const FIREWALL_RULE_KEYS = ["deny-all-ingress", "allow-internal", "allow-health-checks", "allow-iap-ssh"] as const;
export type FirewallRuleKey = (typeof FIREWALL_RULE_KEYS)[number];

/** A protocol (and optional ports) in the provider's `allows` / `denies` shape. No ports: all ports. */
export interface FirewallProtocolSpec {
    readonly protocol: string;
    readonly ports?: readonly string[];
}

/** One planned ingress rule. */
export interface FirewallRuleSpec {
    readonly key: FirewallRuleKey;
    readonly description: string;
    readonly direction: "INGRESS";
    readonly priority: number;
    readonly sourceRanges: readonly string[];
    readonly allows: readonly FirewallProtocolSpec[];
    readonly denies: readonly FirewallProtocolSpec[];
}

export interface FirewallPlanArgs {
    /** The planned subnets (every region). */
    readonly subnets: readonly GcpSubnetSpec[];
    /** Add the IAP SSH rule. */
    readonly allowIapSsh: boolean;
    /** Ports Google health checks may reach (validated: whole numbers 1..65535, at least one). */
    readonly healthCheckPorts: readonly number[];
}

/** Every internal source range: each region's nodes, pods and services, region by region. */
export function internalSourceRanges(subnets: readonly GcpSubnetSpec[]): string[] {
    return subnets.flatMap((s) => [s.ipCidrRange, ...s.secondaryIpRanges.map((r) => r.ipCidrRange)]);
}

/** The firewall baseline for a network. */
export function planGcpFirewall(args: FirewallPlanArgs): FirewallRuleSpec[] {
    const rules: FirewallRuleSpec[] = [
        {
            key: "deny-all-ingress",
            description: "Deny and log all ingress not allowed by a higher-priority rule",
            direction: "INGRESS",
            priority: DENY_ALL_INGRESS_PRIORITY,
            sourceRanges: ["0.0.0.0/0"],
            allows: [],
            denies: [{ protocol: "all" }],
        },
        {
            key: "allow-internal",
            description: "Allow traffic between the network's nodes, pods and services ranges in every region",
            direction: "INGRESS",
            priority: BASELINE_ALLOW_PRIORITY,
            sourceRanges: internalSourceRanges(args.subnets),
            allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
            denies: [],
        },
        {
            key: "allow-health-checks",
            description: "Allow Google Cloud load balancer health checks to the health-check ports",
            direction: "INGRESS",
            priority: BASELINE_ALLOW_PRIORITY,
            sourceRanges: [...GOOGLE_HEALTH_CHECK_RANGES],
            allows: [{ protocol: "tcp", ports: args.healthCheckPorts.map(String) }],
            denies: [],
        },
    ];
    if (args.allowIapSsh) {
        rules.push({
            key: "allow-iap-ssh",
            description: "Allow SSH through Identity-Aware Proxy TCP forwarding only",
            direction: "INGRESS",
            priority: BASELINE_ALLOW_PRIORITY,
            sourceRanges: [IAP_TCP_FORWARDING_RANGE],
            allows: [{ protocol: "tcp", ports: ["22"] }],
            denies: [],
        });
    }
    return rules;
}
