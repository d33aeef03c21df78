/**
 * Normalized ingress rules from the three ways AWS security groups get them: inline `ingress` on
 * `aws.ec2.SecurityGroup`, `aws.ec2.SecurityGroupRule` with type "ingress", and
 * `aws.vpc.SecurityGroupIngressRule`. Pure functions over plain props.
 */
import { asArray, asNumber, asRecord, asString, asStringArray, type Props } from "@platform/policy-kit";

/** Sources meaning "the whole internet". */
export const PUBLIC_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** Ports a load balancer may expose to the internet. */
export const WEB_PORTS: readonly number[] = [80, 443];

export interface IngressRule {
    /** Protocol as written: "tcp", "udp", "icmp", "-1"/"all", or a number. */
    readonly protocol: string;
    readonly fromPort?: number;
    readonly toPort?: number;
    readonly cidrs: readonly string[];
}

function rule(protocol: unknown, fromPort: unknown, toPort: unknown, cidrs: string[]): IngressRule {
    const p = asString(protocol) ?? String(asNumber(protocol) ?? "-1");
    return { protocol: p.toLowerCase(), fromPort: asNumber(fromPort), toPort: asNumber(toPort), cidrs };
}

/** Inline `ingress` entries of a SecurityGroup. */
export function inlineIngress(props: Props): IngressRule[] {
    return (asArray(props["ingress"]) ?? []).map((item) => {
        const r = asRecord(item) ?? {};
        return rule(r["protocol"], r["fromPort"], r["toPort"], [...asStringArray(r["cidrBlocks"]), ...asStringArray(r["ipv6CidrBlocks"])]);
    });
}

/** A SecurityGroupRule's ingress rule, or undefined for an egress rule. */
export function securityGroupRuleIngress(props: Props): IngressRule | undefined {
    if (props["type"] !== "ingress") return undefined;
    return rule(props["protocol"], props["fromPort"], props["toPort"], [
        ...asStringArray(props["cidrBlocks"]),
        ...asStringArray(props["ipv6CidrBlocks"]),
    ]);
}

/** A SecurityGroupIngressRule's rule (one CIDR per rule, IPv4 or IPv6). */
export function ingressRule(props: Props): IngressRule {
    const cidrs = [asString(props["cidrIpv4"]), asString(props["cidrIpv6"])].filter((c): c is string => c !== undefined);
    return rule(props["ipProtocol"], props["fromPort"], props["toPort"], cidrs);
}

export function publicSources(r: IngressRule): string[] {
    return r.cidrs.filter((c) => PUBLIC_CIDRS.includes(c));
}

function isAllProtocols(protocol: string): boolean {
    return protocol === "-1" || protocol === "all";
}

/** True when the rule opens exactly tcp/80 or tcp/443 (a range such as 80-443 opens far more). */
export function isWebOnly(r: IngressRule): boolean {
    return (
        (r.protocol === "tcp" || r.protocol === "6") &&
        r.fromPort !== undefined &&
        r.fromPort === r.toPort &&
        WEB_PORTS.includes(r.fromPort)
    );
}

/** "all traffic", "tcp/22", "tcp/0-65535". */
export function describePorts(r: IngressRule): string {
    if (isAllProtocols(r.protocol)) return "all traffic";
    if (r.fromPort === undefined) return `${r.protocol}/all ports`;
    return r.fromPort === r.toPort ? `${r.protocol}/${r.fromPort}` : `${r.protocol}/${r.fromPort}-${r.toPort ?? r.fromPort}`;
}
