/**
 * Normalized egress rules from the three ways AWS security groups get them: inline `egress` on
 * `aws.ec2.SecurityGroup`, `aws.ec2.SecurityGroupRule` with type "egress", and
 * `aws.vpc.SecurityGroupEgressRule`. The same shape as the ingress rules (`ingress.ts`), whose
 * helpers (public CIDRs, port descriptions) apply unchanged.
 */
import { asArray, asNumber, asRecord, asString, asStringArray, type Props } from "@platform/policy-kit";
import type { IngressRule } from "./ingress.js";

/** A rule of either direction: protocol, ports and CIDRs. */
export type SecurityGroupRule = IngressRule;

function rule(protocol: unknown, fromPort: unknown, toPort: unknown, cidrs: string[]): SecurityGroupRule {
    const p = asString(protocol) ?? String(asNumber(protocol) ?? "-1");
    return { protocol: p.toLowerCase(), fromPort: asNumber(fromPort), toPort: asNumber(toPort), cidrs };
}

/** Inline `egress` entries of a SecurityGroup. */
export function inlineEgress(props: Props): SecurityGroupRule[] {
    return (asArray(props["egress"]) ?? []).map((item) => {
        const r = asRecord(item) ?? {};
        return rule(r["protocol"], r["fromPort"], r["toPort"], [...asStringArray(r["cidrBlocks"]), ...asStringArray(r["ipv6CidrBlocks"])]);
    });
}

/** A SecurityGroupRule's egress rule, or undefined for an ingress rule. */
export function securityGroupRuleEgress(props: Props): SecurityGroupRule | undefined {
    if (props["type"] !== "egress") return undefined;
    return rule(props["protocol"], props["fromPort"], props["toPort"], [
        ...asStringArray(props["cidrBlocks"]),
        ...asStringArray(props["ipv6CidrBlocks"]),
    ]);
}

/** A SecurityGroupEgressRule's rule (one CIDR per rule, IPv4 or IPv6). */
export function egressRule(props: Props): SecurityGroupRule {
    const cidrs = [asString(props["cidrIpv4"]), asString(props["cidrIpv6"])].filter((c): c is string => c !== undefined);
    return rule(props["ipProtocol"], props["fromPort"], props["toPort"], cidrs);
}

/** True for every protocol and port: protocol "-1" (or "all"), whatever ports it names. */
export function isAllTraffic(r: SecurityGroupRule): boolean {
    return r.protocol === "-1" || r.protocol === "all";
}
