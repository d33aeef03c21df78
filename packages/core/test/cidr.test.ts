import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
    cidrsOverlap,
    CidrSyntaxError,
    containsCidr,
    findOverlaps,
    formatCidr,
    MAX_AZ_SLOTS,
    parseCidr,
    planAwsSubnets,
    planGcpRegion,
    SUBNET_TIERS,
    subdivide,
} from "../src/index.js";

/** Arbitrary well-formed CIDR with prefix in [min, max]. */
const cidrArb = (min: number, max: number) =>
    fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min, max })).map(([addr, prefix]) => {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        return formatCidr({ network: (addr & mask) >>> 0, prefix });
    });

describe("cidr: parse and format", () => {
    it("round-trips well-formed blocks", () => {
        fc.assert(fc.property(cidrArb(0, 32), (text) => formatCidr(parseCidr(text)) === text));
    });

    it("parses the exact network and prefix", () => {
        assert.deepEqual(parseCidr("10.20.0.0/16"), { network: 0x0a140000, prefix: 16 });
        assert.deepEqual(parseCidr("0.0.0.0/0"), { network: 0, prefix: 0 });
    });

    for (const [input, reason] of [
        ["10.0.0.0", "expected the form a.b.c.d/n, for example 10.0.0.0/16"],
        ["10.0.0/16", "expected the form a.b.c.d/n, for example 10.0.0.0/16"],
        ["10.300.0.0/16", "octet 300 is above 255"],
        ["10.0.0.0/33", "prefix /33 is above /32"],
        ["10.0.0.1/16", "host bits are set; the network address for /16 is 10.0.0.0/16"],
    ] as const) {
        it(`rejects ${input} with "${reason}"`, () => {
            assert.throws(
                () => parseCidr(input),
                (err: CidrSyntaxError) => err instanceof CidrSyntaxError && err.reason === reason,
            );
        });
    }
});

describe("cidr: containment and overlap", () => {
    it("a block contains each of its subdivisions and they are pairwise disjoint", () => {
        fc.assert(
            fc.property(cidrArb(8, 24), fc.integer({ min: 1, max: 4 }), (text, extra) => {
                const parent = parseCidr(text);
                const count = 2 ** extra;
                const parts = Array.from({ length: count }, (_, i) => subdivide(parent, parent.prefix + extra, i));
                return (
                    parts.every((p) => containsCidr(parent, p)) &&
                    parts.every((p, i) => parts.every((q, j) => i === j || !cidrsOverlap(p, q)))
                );
            }),
        );
    });

    it("overlap is symmetric and implied by containment", () => {
        fc.assert(
            fc.property(cidrArb(0, 32), cidrArb(0, 32), (a, b) => {
                const x = parseCidr(a);
                const y = parseCidr(b);
                const symmetric = cidrsOverlap(x, y) === cidrsOverlap(y, x);
                const implied = !containsCidr(x, y) || cidrsOverlap(x, y);
                return symmetric && implied;
            }),
        );
    });

    it("subdivide rejects an index past the end", () => {
        assert.throws(() => subdivide(parseCidr("10.0.0.0/16"), 18, 4), /holds 4 blocks of \/18; index 4 is out of range/);
    });

    it("findOverlaps names both blocks of each overlapping pair", () => {
        const pairs = findOverlaps([
            { label: "a", cidr: "10.0.0.0/16" },
            { label: "b", cidr: "10.1.0.0/16" },
            { label: "c", cidr: "10.0.128.0/17" },
        ]);
        assert.deepEqual(
            pairs.map(([x, y]) => [x.label, y.label]),
            [["a", "c"]],
        );
    });
});

describe("cidr: AWS subnet plan", () => {
    it("carves the exact /16 layout for 3 AZs", () => {
        assert.deepEqual(
            planAwsSubnets("10.30.0.0/16", 3).map((s) => `${s.tier}-${s.azIndex}:${s.cidr}`),
            [
                "public-0:10.30.192.0/21",
                "public-1:10.30.200.0/21",
                "public-2:10.30.208.0/21",
                "private-0:10.30.0.0/19",
                "private-1:10.30.32.0/19",
                "private-2:10.30.64.0/19",
                "isolated-0:10.30.128.0/20",
                "isolated-1:10.30.144.0/20",
                "isolated-2:10.30.160.0/20",
            ],
        );
    });

    it("every subnet is inside the VPC and no two overlap, for any supported VPC and AZ count", () => {
        fc.assert(
            fc.property(cidrArb(16, 23), fc.integer({ min: 1, max: MAX_AZ_SLOTS }), (vpc, azs) => {
                const plan = planAwsSubnets(vpc, azs);
                const parsed = plan.map((s) => parseCidr(s.cidr));
                return (
                    plan.length === azs * SUBNET_TIERS.length &&
                    parsed.every((p) => containsCidr(parseCidr(vpc), p)) &&
                    parsed.every((p, i) => parsed.every((q, j) => i === j || !cidrsOverlap(p, q)))
                );
            }),
        );
    });

    it("adding an AZ never renumbers an existing subnet", () => {
        fc.assert(
            fc.property(cidrArb(16, 23), fc.integer({ min: 1, max: MAX_AZ_SLOTS - 1 }), (vpc, azs) => {
                const before = planAwsSubnets(vpc, azs);
                const after = planAwsSubnets(vpc, azs + 1);
                return before.every((s) => after.some((t) => t.tier === s.tier && t.azIndex === s.azIndex && t.cidr === s.cidr));
            }),
        );
    });

    it("rejects unsupported prefixes and AZ counts", () => {
        assert.throws(() => planAwsSubnets("10.0.0.0/8", 3), /prefix \/8; the subnet plan needs \/16..\/23/);
        assert.throws(() => planAwsSubnets("10.0.0.0/24", 3), /prefix \/24; the subnet plan needs \/16..\/23/);
        assert.throws(() => planAwsSubnets("10.0.0.0/16", 0), /azCount 0 must be a whole number from 1 to 4/);
        assert.throws(() => planAwsSubnets("10.0.0.0/16", 5), /azCount 5 must be a whole number from 1 to 4/);
    });
});

describe("cidr: GCP region plan", () => {
    it("carves the exact /16 ranges", () => {
        assert.deepEqual(planGcpRegion("10.40.0.0/16"), {
            nodes: "10.40.0.0/20",
            services: "10.40.16.0/20",
            proxyOnly: "10.40.32.0/20",
            privateServiceAccess: "10.40.48.0/20",
            pods: "10.40.64.0/18",
        });
    });

    it("all ranges are disjoint and inside the region block", () => {
        fc.assert(
            fc.property(cidrArb(8, 20), (region) => {
                const ranges = Object.values(planGcpRegion(region)).map(parseCidr);
                return (
                    ranges.every((r) => containsCidr(parseCidr(region), r)) &&
                    ranges.every((r, i) => ranges.every((q, j) => i === j || !cidrsOverlap(r, q)))
                );
            }),
        );
    });

    it("rejects a region block too small for the plan", () => {
        assert.throws(() => planGcpRegion("10.40.0.0/21"), /prefix \/21; the GCP plan needs \/8..\/20/);
    });
});
