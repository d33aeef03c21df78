/**
 * CIDR rules shared by stack config validation and the network components, so each rule and its
 * message exist once.
 */
import { containsCidr, findOverlaps, type LabelledCidr, parseCidr, tryParseCidr } from "../cidr/ipv4.js";
import type { Issue } from "../issues.js";

/** The private address space of RFC 1918: the only blocks a platform network may use. */
export const RFC1918_BLOCKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] as const;

const WRITE_A_BLOCK = "write a network address with its prefix, e.g. 10.20.0.0/16";

/** A CIDR block in canonical form (any address space: peers, on-premises, the other cloud). */
export function checkCidr(field: string, value: unknown): Issue[] {
    if (typeof value !== "string") {
        return [{ field, value, problem: "must be a CIDR block string", fix: WRITE_A_BLOCK }];
    }
    const parsed = tryParseCidr(value);
    return parsed.ok ? [] : [{ field, value, problem: parsed.reason, fix: WRITE_A_BLOCK }];
}

/**
 * A network's own block (an AWS VPC, a GCP regional range): canonical, inside RFC 1918, and with a
 * prefix the subnet plan can carve (`range`, inclusive).
 */
export function checkPrivateNetworkCidr(field: string, value: unknown, range: { readonly min: number; readonly max: number }): Issue[] {
    const syntax = checkCidr(field, value);
    if (syntax.length > 0) {
        return syntax;
    }
    const block = parseCidr(value as string);
    const issues: Issue[] = [];
    if (!RFC1918_BLOCKS.some((rfc) => containsCidr(parseCidr(rfc), block))) {
        issues.push({
            field,
            value,
            problem: "is not private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)",
            fix: "choose a block inside RFC 1918, e.g. 10.20.0.0/16",
        });
    }
    if (block.prefix < range.min || block.prefix > range.max) {
        issues.push({
            field,
            value,
            problem: `prefix /${block.prefix} is outside the supported /${range.min}../${range.max}`,
            fix: `use a block from /${range.min} to /${range.max}, e.g. 10.20.0.0/16`,
        });
    }
    return issues;
}

/** One issue per overlapping pair, on the later block. Every block must already parse. */
export function checkNoOverlaps(blocks: readonly LabelledCidr[]): Issue[] {
    return findOverlaps(blocks).map(([a, b]) => ({
        field: b.label,
        value: b.cidr,
        problem: `overlaps ${a.label} (${a.cidr})`,
        fix: "choose non-overlapping blocks so routing and peering stay unambiguous",
    }));
}
