/**
 * IPv4 CIDR arithmetic on unsigned 32-bit integers. Pure functions only: the network components
 * and the config validator both build on these, so they are property-tested in isolation.
 */

/** A parsed IPv4 CIDR block. `network` is the first address as an unsigned 32-bit integer. */
export interface Ipv4Cidr {
    readonly network: number;
    readonly prefix: number;
}

/** Why a CIDR string was rejected; the message is written for a person fixing config. */
export class CidrSyntaxError extends Error {
    constructor(
        readonly input: string,
        readonly reason: string,
    ) {
        super(`"${input}" is not a valid IPv4 CIDR block: ${reason}`);
        this.name = "CidrSyntaxError";
    }
}

/** Canonical form: decimal octets and prefix without leading zeros (what AWS and GCP echo back). */
const CANONICAL_CIDR = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\/(0|[1-9]\d?)$/;
/** The same shape with leading zeros allowed, to name the canonical form in the error. */
const LOOSE_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Netmask for a prefix length, as an unsigned 32-bit integer. */
export function prefixMask(prefix: number): number {
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses `a.b.c.d/n` in canonical form. Rejects surrounding whitespace, leading zeros
 * (`010.010.000.000/16` would otherwise reach the cloud API as typed), bad octets, prefixes
 * outside 0..32 and host bits set.
 */
export function parseCidr(input: string): Ipv4Cidr {
    const loose = LOOSE_CIDR.exec(input);
    if (!loose) {
        throw new CidrSyntaxError(input, "expected the form a.b.c.d/n, for example 10.0.0.0/16");
    }
    const octets = loose.slice(1, 5).map(Number);
    const prefix = Number(loose[5]);
    const badOctet = octets.find((o) => o > 255);
    if (badOctet !== undefined) {
        throw new CidrSyntaxError(input, `octet ${badOctet} is above 255`);
    }
    if (prefix > 32) {
        throw new CidrSyntaxError(input, `prefix /${prefix} is above /32`);
    }
    if (!CANONICAL_CIDR.test(input)) {
        throw new CidrSyntaxError(input, `not in canonical form (no leading zeros); write ${octets.join(".")}/${prefix}`);
    }
    const address = octets.reduce((acc, o) => ((acc << 8) | o) >>> 0, 0);
    const network = (address & prefixMask(prefix)) >>> 0;
    if (network !== address) {
        throw new CidrSyntaxError(input, `host bits are set; the network address for /${prefix} is ${formatAddress(network)}/${prefix}`);
    }
    return { network, prefix };
}

/** Like {@link parseCidr} but returns the reason instead of throwing. */
export function tryParseCidr(input: string): { ok: true; cidr: Ipv4Cidr } | { ok: false; reason: string } {
    try {
        return { ok: true, cidr: parseCidr(input) };
    } catch (err) {
        if (err instanceof CidrSyntaxError) {
            return { ok: false, reason: err.reason };
        }
        throw err;
    }
}

export function formatAddress(address: number): string {
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join(".");
}

export function formatCidr(cidr: Ipv4Cidr): string {
    return `${formatAddress(cidr.network)}/${cidr.prefix}`;
}

/** Number of addresses in the block (2^(32-prefix)). */
export function cidrSize(cidr: Ipv4Cidr): number {
    return 2 ** (32 - cidr.prefix);
}

/** Last address of the block. */
export function lastAddress(cidr: Ipv4Cidr): number {
    return cidr.network + cidrSize(cidr) - 1;
}

/** True when `inner` lies entirely within `outer`. */
export function containsCidr(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
    return inner.prefix >= outer.prefix && inner.network >= outer.network && lastAddress(inner) <= lastAddress(outer);
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * The `index`-th block of size `/newPrefix` inside `parent` (index 0 starts at the parent's
 * network address). Throws when the block would not fit: callers validate first.
 */
export function subdivide(parent: Ipv4Cidr, newPrefix: number, index: number): Ipv4Cidr {
    if (newPrefix < parent.prefix || newPrefix > 32) {
        throw new RangeError(`cannot carve a /${newPrefix} out of ${formatCidr(parent)}`);
    }
    const count = 2 ** (newPrefix - parent.prefix);
    if (!Number.isInteger(index) || index < 0 || index >= count) {
        throw new RangeError(`${formatCidr(parent)} holds ${count} blocks of /${newPrefix}; index ${index} is out of range`);
    }
    return { network: parent.network + index * 2 ** (32 - newPrefix), prefix: newPrefix };
}

/** A labelled CIDR, for overlap reports that name where each block came from. */
export interface LabelledCidr {
    readonly label: string;
    readonly cidr: string;
}

/** Every pair of labelled blocks that overlap. Inputs must already parse. */
export function findOverlaps(blocks: readonly LabelledCidr[]): Array<[LabelledCidr, LabelledCidr]> {
    const parsed = blocks.map((b) => ({ block: b, cidr: parseCidr(b.cidr) }));
    const pairs: Array<[LabelledCidr, LabelledCidr]> = [];
    for (let i = 0; i < parsed.length; i++) {
        for (let j = i + 1; j < parsed.length; j++) {
            if (cidrsOverlap(parsed[i].cidr, parsed[j].cidr)) {
                pairs.push([parsed[i].block, parsed[j].block]);
            }
        }
    }
    return pairs;
}
