import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { rejectedIssues, synthesize } from "@platform/synth";
import {
    ConfigValidationError,
    PROFILES,
    type Issue,
    loadPlatformSettings,
    parsePlatformConfig,
    type ParseOptions,
    parseStackConfig,
} from "../src/index.js";

const prod = {
    environment: "prod",
    project: "acme",
    team: "platform",
    costCenter: "cc-1042",
    network: { cidr: "10.30.0.0/16" },
};
const dr = { ...prod, environment: "dr", gcpProject: "acme-dr-prod", network: { cidr: "10.40.0.0/16" } };
const TODAY = "2026-12-02";

function issuesOf(raw: Record<string, unknown>, opts: ParseOptions = {}): Issue[] {
    try {
        parsePlatformConfig(raw, { today: TODAY, ...opts });
    } catch (err) {
        if (err instanceof ConfigValidationError) {
            return [...err.issues];
        }
        throw err;
    }
    assert.fail("expected a ConfigValidationError");
}

/** `[field, problem]` of each issue. */
function problems(raw: Record<string, unknown>, opts: ParseOptions = {}): Array<[string, string]> {
    return issuesOf(raw, opts).map((i) => [i.field, i.problem]);
}

describe("config: parsePlatformConfig", () => {
    it("resolves a minimal prod config from the profile", () => {
        const s = parsePlatformConfig(prod, { today: TODAY });
        assert.equal(s.cloud, "aws");
        assert.equal(s.region, "us-east-1");
        assert.deepEqual(s.network, {
            cidr: "10.30.0.0/16",
            availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
            reservedCidrs: [],
            secondaryRegions: [],
        });
        assert.deepEqual(s.dns, { publicZone: undefined, privateZone: undefined });
        assert.deepEqual(s.waivers, []);
        assert.equal(s.profile.network.natGateways, "perAz");
        assert.equal(s.cloud === "aws" && s.awsAccountId, undefined);
        assert.deepEqual(s.ownership, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
    });

    it("applies profile overrides that code reads, and keeps the rest of the profile", () => {
        const s = parsePlatformConfig({ ...prod, environment: "dev", profile: { network: { natGateways: "perAz" } } });
        assert.equal(s.profile.network.natGateways, "perAz");
        assert.equal(s.profile.network.availabilityZones, 2);
        assert.equal(s.profile.cluster.nodeCount, 1);
    });

    it("resolves dr to GCP zones and requires the GCP project", () => {
        const s = parsePlatformConfig(dr);
        assert.equal(s.cloud, "gcp");
        assert.equal(s.cloud === "gcp" && s.gcpProject, "acme-dr-prod");
        assert.deepEqual(s.network.availabilityZones, ["us-west1-a", "us-west1-b", "us-west1-c"]);
        const { gcpProject: _omitted, ...withoutProject } = dr;
        assert.deepEqual(issuesOf(withoutProject), [
            {
                field: "platform:gcpProject",
                value: undefined,
                problem: "required setting is missing",
                fix: "set it to a GCP project id such as acme-dr-prod",
            },
        ]);
    });

    it("reports every missing required key at once", () => {
        assert.deepEqual(
            issuesOf({}).map((i) => [i.field, i.problem]),
            [
                ["platform:environment", "required setting is missing"],
                ["platform:project", "required setting is missing"],
                ["platform:team", "required setting is missing"],
                ["platform:costCenter", "required setting is missing"],
                ["platform:network", "required setting is missing"],
            ],
        );
    });

    it("rejects an unknown environment naming the allowed values", () => {
        assert.deepEqual(issuesOf({ ...prod, environment: "production" }), [
            {
                field: "platform:environment",
                value: "production",
                problem: "is not an allowed value",
                fix: "use one of: dev, staging, prod, dr",
            },
        ]);
    });

    it("rejects an unknown cloud", () => {
        assert.deepEqual(issuesOf({ ...prod, cloud: "azure" }), [
            { field: "platform:cloud", value: "azure", problem: "is not an allowed value", fix: "use one of: aws, gcp" },
        ]);
    });

    it("rejects unknown keys at every level (typos), naming the keys that exist", () => {
        const issues = issuesOf({ ...prod, netwrok: {}, network: { cidr: "10.30.0.0/16", natGateway: "single" } });
        assert.deepEqual(
            issues.map((i) => [i.field, i.problem, i.fix]),
            [
                ["platform:network.natGateway", "unknown setting", "remove it or use one of: cidr, availabilityZones, reservedCidrs"],
                [
                    "platform:netwrok",
                    "unknown setting",
                    "remove it or use one of: environment, project, team, costCenter, dns, profile, waivers, platform, security, alerts, cloud, region, awsAccountId, cluster, network, data, budget, dr",
                ],
            ],
        );
    });

    it("rejects profile overrides that nothing reads (a key exists only when code uses it)", () => {
        assert.deepEqual(
            problems({
                ...prod,
                profile: {
                    observability: { retentionDays: 30 },
                    minReplicas: 1,
                    logRetentionDays: 7,
                    topology: "single-zone",
                },
            }),
            ["observability", "minReplicas", "logRetentionDays", "topology"].map((k) => [`platform:profile.${k}`, "unknown setting"]),
        );
    });

    it("rejects wrongly typed and out-of-range profile overrides", () => {
        assert.deepEqual(
            issuesOf({
                ...prod,
                environment: "dev",
                profile: { network: { availabilityZones: 5, flowLogRetentionDays: 10 }, protectStatefulResources: "yes" },
            }).map((i) => [i.field, i.value, i.problem]),
            [
                ["platform:profile.network.availabilityZones", 5, "must be a whole number from 1 to 4"],
                ["platform:profile.network.flowLogRetentionDays", 10, "is not a retention CloudWatch Logs accepts"],
                ["platform:profile.protectStatefulResources", "yes", "must be true or false"],
            ],
        );
    });

    describe("CIDRs", () => {
        it("rejects host bits with the network address to use", () => {
            assert.deepEqual(issuesOf({ ...prod, network: { cidr: "10.30.0.1/16" } }), [
                {
                    field: "platform:network.cidr",
                    value: "10.30.0.1/16",
                    problem: "host bits are set; the network address for /16 is 10.30.0.0/16",
                    fix: "write a network address with its prefix, e.g. 10.20.0.0/16",
                },
            ]);
        });

        it("rejects a non-canonical CIDR instead of passing it to the VPC unchanged", () => {
            assert.deepEqual(problems({ ...prod, network: { cidr: "010.010.000.000/16" } }), [
                ["platform:network.cidr", "not in canonical form (no leading zeros); write 10.10.0.0/16"],
            ]);
            assert.deepEqual(problems({ ...prod, network: { cidr: " 10.30.0.0/16" } }), [
                ["platform:network.cidr", "expected the form a.b.c.d/n, for example 10.0.0.0/16"],
            ]);
        });

        for (const cidr of [
            "127.0.0.0/16",
            "169.254.0.0/16",
            "224.0.0.0/16",
            "0.0.0.0/16",
            "8.8.0.0/16",
            "172.32.0.0/16",
            "100.64.0.0/16",
        ]) {
            it(`rejects ${cidr}: not RFC 1918 private space`, () => {
                assert.deepEqual(issuesOf({ ...prod, network: { cidr } }), [
                    {
                        field: "platform:network.cidr",
                        value: cidr,
                        problem: "is not private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)",
                        fix: "choose a block inside RFC 1918, e.g. 10.20.0.0/16",
                    },
                ]);
            });
        }

        it("accepts every RFC 1918 block", () => {
            for (const cidr of ["10.30.0.0/16", "172.16.0.0/16", "172.31.0.0/16", "192.168.0.0/16"]) {
                assert.equal(parsePlatformConfig({ ...prod, network: { cidr } }).network.cidr, cidr);
            }
        });

        it("rejects a VPC prefix the subnet plan cannot carve, per cloud", () => {
            assert.deepEqual(problems({ ...prod, network: { cidr: "10.0.0.0/8" } }), [
                ["platform:network.cidr", "prefix /8 is outside the supported /16../23"],
            ]);
            assert.deepEqual(problems({ ...dr, network: { cidr: "10.40.0.0/24" } }), [
                ["platform:network.cidr", "prefix /24 is outside the supported /8../20"],
            ]);
        });

        it("reserved CIDRs may be any space but must be canonical, and must not overlap the network", () => {
            assert.deepEqual(
                parsePlatformConfig({ ...prod, network: { cidr: "10.30.0.0/16", reservedCidrs: ["203.0.113.0/24"] } }).network
                    .reservedCidrs,
                ["203.0.113.0/24"],
            );
            assert.deepEqual(issuesOf({ ...prod, network: { cidr: "10.30.0.0/16", reservedCidrs: ["10.0.0.0/8", "192.168.01.0/24"] } }), [
                {
                    field: "platform:network.reservedCidrs[1]",
                    value: "192.168.01.0/24",
                    problem: "not in canonical form (no leading zeros); write 192.168.1.0/24",
                    fix: "write a network address with its prefix, e.g. 10.20.0.0/16",
                },
                {
                    field: "platform:network.reservedCidrs[0]",
                    value: "10.0.0.0/8",
                    problem: "overlaps platform:network.cidr (10.30.0.0/16)",
                    fix: "choose non-overlapping blocks so routing and peering stay unambiguous",
                },
            ]);
        });

        it("rejects overlapping GCP regional ranges and a secondary region that repeats the primary", () => {
            assert.deepEqual(
                problems({ ...dr, network: { cidr: "10.40.0.0/16", secondaryRegions: [{ region: "us-west1", cidr: "10.40.128.0/17" }] } }),
                [
                    ["platform:network.secondaryRegions[0].region", "repeats the stack's primary region"],
                    ["platform:network.secondaryRegions[0].cidr", "overlaps platform:network.cidr (10.40.0.0/16)"],
                ],
            );
        });
    });

    describe("zones", () => {
        it("rejects fewer AZs than the profile needs", () => {
            assert.deepEqual(issuesOf({ ...prod, network: { cidr: "10.30.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] } }), [
                {
                    field: "platform:network.availabilityZones",
                    value: ["us-east-1a", "us-east-1b"],
                    problem: "2 zone(s) listed but the prod profile needs 3",
                    fix: "list at least 3 zones, or lower platform:profile.network.availabilityZones",
                },
            ]);
        });

        it("rejects AZs of another region, duplicates and malformed names", () => {
            const zones = (availabilityZones: string[]) => problems({ ...prod, network: { cidr: "10.30.0.0/16", availabilityZones } });
            assert.deepEqual(zones(["us-east-1a", "us-west-2b", "us-east-1c"]), [
                ["platform:network.availabilityZones", "us-west-2b not in region us-east-1"],
            ]);
            assert.deepEqual(zones(["us-east-1a", "us-east-1a", "us-east-1c"]), [
                ["platform:network.availabilityZones", "us-east-1a listed twice"],
            ]);
            assert.deepEqual(zones(["us-east-1a", "east", "us-east-1c"]), [
                ["platform:network.availabilityZones", "east is not a zone name"],
            ]);
        });

        it("uses the listed zones up to the profile's count", () => {
            const s = parsePlatformConfig({
                ...prod,
                network: { cidr: "10.30.0.0/16", availabilityZones: ["us-east-1d", "us-east-1e", "us-east-1f", "us-east-1a"] },
            });
            assert.deepEqual(s.network.availabilityZones, ["us-east-1d", "us-east-1e", "us-east-1f"]);
        });
    });

    it("rejects settings of the other cloud, naming the cloud they belong to", () => {
        assert.deepEqual(
            issuesOf({ ...prod, gcpProject: "acme-x-prod", network: { cidr: "10.30.0.0/16", secondaryRegions: [] } }).map((i) => [
                i.field,
                i.problem,
                i.fix,
            ]),
            [
                [
                    "platform:network.secondaryRegions",
                    "is only supported on gcp; this is an aws stack",
                    "remove it; an AWS VPC is regional (use another stack per region)",
                ],
                ["platform:gcpProject", "is only supported on gcp; this is an aws stack", "remove it, or set platform:cloud to gcp"],
            ],
        );
        assert.deepEqual(problems({ ...dr, awsAccountId: "123456789012" }), [
            ["platform:awsAccountId", "is only supported on aws; this is a gcp stack"],
        ]);
    });

    it("rejects a malformed region, project, account and domain", () => {
        assert.deepEqual(
            problems({ ...prod, region: "useast1", project: "Acme", awsAccountId: "12345", dns: { publicZone: "Example.com" } }),
            [
                ["platform:project", "is not a project prefix"],
                ["platform:dns.publicZone", "is not a lowercase domain name"],
                ["platform:region", "is not an AWS region"],
                ["platform:awsAccountId", "is not an AWS account id"],
            ],
        );
    });

    describe("platform:cluster and the cluster profile", () => {
        const admin = "arn:aws:iam::123456789012:role/platform-admin";

        it("unset: no administrators from config and a private endpoint", () => {
            const s = parsePlatformConfig(prod, { today: TODAY });
            assert.deepEqual(s.cloud === "aws" && s.cluster, { adminRoleArns: [], groupRoles: [], publicAccessCidrs: [] });
            const d = parsePlatformConfig(dr, { today: TODAY });
            assert.deepEqual(d.cluster, { publicAccessCidrs: [] });
        });

        it("reads admin role ARNs and an allow-list outside production", () => {
            const s = parsePlatformConfig(
                {
                    ...prod,
                    environment: "staging",
                    cluster: { adminRoleArns: [admin], publicAccessCidrs: ["203.0.113.0/24", "198.51.100.7/32"] },
                },
                { today: TODAY },
            );
            assert.deepEqual(s.cloud === "aws" && s.cluster, {
                adminRoleArns: [admin],
                groupRoles: [],
                publicAccessCidrs: ["203.0.113.0/24", "198.51.100.7/32"],
            });
        });

        it("rejects a user ARN, a wildcard, a non-ARN, a repeated role, and admins on GCP", () => {
            assert.deepEqual(
                issuesOf({
                    ...prod,
                    cluster: {
                        adminRoleArns: ["arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/*", "admin", admin, admin],
                    },
                }).map((i) => [i.field, i.value, i.problem]),
                [
                    [
                        "platform:cluster.adminRoleArns[0]",
                        "arn:aws:iam::123456789012:user/alice",
                        "is not an IAM role ARN without wildcards",
                    ],
                    ["platform:cluster.adminRoleArns[1]", "arn:aws:iam::123456789012:role/*", "is not an IAM role ARN without wildcards"],
                    ["platform:cluster.adminRoleArns[2]", "admin", "is not an IAM role ARN without wildcards"],
                    [
                        "platform:cluster.adminRoleArns",
                        ["arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/*", "admin", admin, admin],
                        `"${admin}" listed twice`,
                    ],
                ],
            );
            assert.deepEqual(problems({ ...dr, cluster: { adminRoleArns: [admin] } }), [
                ["platform:cluster.adminRoleArns", "is only supported on aws; this is a gcp stack"],
            ]);
        });

        it("rejects 0.0.0.0/0, blocks wider than /8, malformed and repeated blocks, and unknown keys", () => {
            assert.deepEqual(
                issuesOf({
                    ...prod,
                    environment: "dev",
                    cluster: {
                        publicAccessCidrs: ["0.0.0.0/0", "64.0.0.0/2", "203.0.113.1/24", "198.51.100.0/24", "198.51.100.0/24"],
                        admins: [],
                    },
                }).map((i) => [i.field, i.problem]),
                [
                    ["platform:cluster.publicAccessCidrs[0]", "opens the cluster API endpoint to the whole internet"],
                    [
                        "platform:cluster.publicAccessCidrs[1]",
                        "is /2, wider than /8: it opens the API endpoint to a large part of the internet",
                    ],
                    ["platform:cluster.publicAccessCidrs[2]", "host bits are set; the network address for /24 is 203.0.113.0/24"],
                    ["platform:cluster.admins", "unknown setting"],
                    ["platform:cluster.publicAccessCidrs", '"198.51.100.0/24" listed twice'],
                ],
            );
        });

        it("a public endpoint in prod or dr needs a waiver", () => {
            const publicProd = { ...prod, cluster: { publicAccessCidrs: ["203.0.113.0/24"] } };
            assert.deepEqual(
                issuesOf(publicProd).map((i) => [i.field, i.problem, i.fix]),
                [
                    [
                        "platform:cluster.publicAccessCidrs",
                        "opens the cluster API endpoint to the internet (from an allow-list) in prod",
                        "remove the setting, or add a platform:waivers entry { setting: cluster.publicAccessCidrs, reason: <why>, owner: <who> }",
                    ],
                ],
            );
            const waived = parsePlatformConfig(
                {
                    ...publicProd,
                    waivers: [
                        { setting: "cluster.publicAccessCidrs", reason: "break-glass access while the VPN is rebuilt", owner: "platform" },
                    ],
                },
                { today: TODAY },
            );
            assert.deepEqual(waived.cluster.publicAccessCidrs, ["203.0.113.0/24"]);
            assert.deepEqual(problems({ ...dr, cluster: { publicAccessCidrs: ["203.0.113.0/24"] } }), [
                ["platform:cluster.publicAccessCidrs", "opens the cluster API endpoint to the internet (from an allow-list) in dr"],
            ]);
        });

        it("applies cluster overrides and checks them against each other and the network", () => {
            const s = parsePlatformConfig(
                {
                    ...prod,
                    environment: "staging",
                    profile: { cluster: { kubernetesVersion: "1.36", maxNodes: 8, nodeVcpu: 8, nodeMemoryGiB: 64 } },
                },
                { today: TODAY },
            );
            assert.deepEqual(s.profile.cluster, {
                ...PROFILES.staging.cluster,
                kubernetesVersion: "1.36",
                maxNodes: 8,
                nodeVcpu: 8,
                nodeMemoryGiB: 64,
            });
            assert.deepEqual(
                issuesOf({
                    ...prod,
                    environment: "dev",
                    profile: { cluster: { nodeCount: 4, nodeZones: 3, systemNodes: 1, nodeVcpu: 6, nodeMemoryGiB: 24 } },
                }).map((i) => [i.field, i.value, i.problem]),
                [
                    ["platform:profile.cluster.nodeVcpu", { nodeVcpu: 6, nodeMemoryGiB: 24 }, "no instance family has this shape"],
                    [
                        "platform:profile.cluster.nodeCount",
                        { minNodes: 1, nodeCount: 4, maxNodes: 3 },
                        "must lie between minNodes and maxNodes",
                    ],
                    ["platform:profile.cluster.nodeZones", 3, "the network spans only 2 zone(s)"],
                    [
                        "platform:profile.cluster.systemNodes",
                        1,
                        "one system node is a single point of failure for CoreDNS and the autoscaler",
                    ],
                ],
            );
        });

        it("rejects wrongly typed cluster overrides and unsupported versions and channels", () => {
            assert.deepEqual(
                problems({
                    ...prod,
                    environment: "dev",
                    profile: {
                        cluster: { kubernetesVersion: "1.27", nodeCount: 0, spotCapacity: "yes", releaseChannel: "RAPID", nodes: 3 },
                    },
                }),
                [
                    ["platform:profile.cluster.kubernetesVersion", "is not an allowed value"],
                    ["platform:profile.cluster.nodeCount", "must be a whole number from 1 to 100"],
                    ["platform:profile.cluster.spotCapacity", "must be true or false"],
                    ["platform:profile.cluster.releaseChannel", "is not an allowed value"],
                    ["platform:profile.cluster.nodes", "unknown setting"],
                ],
            );
        });
    });

    describe("the environment belongs to the stack", () => {
        it("rejects a prod stack whose file says dev (it would deploy prod with the dev profile)", () => {
            assert.deepEqual(issuesOf({ ...prod, environment: "dev" }, { stack: "prod" }), [
                {
                    field: "platform:environment",
                    value: "dev",
                    problem: 'does not match the stack "prod" this config belongs to (it would deploy prod with the dev profile)',
                    fix: "set platform:environment to the stack's environment, or name the stack dev or dev-<suffix>",
                },
            ]);
        });

        it("accepts the environment's own stack and <environment>-<suffix> stacks (ephemeral environments)", () => {
            assert.equal(parsePlatformConfig(prod, { stack: "prod" }).environment, "prod");
            assert.equal(parsePlatformConfig({ ...prod, environment: "dev" }, { stack: "dev-pr-123" }).environment, "dev");
            assert.deepEqual(
                problems({ ...prod, environment: "dev" }, { stack: "devpr" }).map(([f]) => f),
                ["platform:environment"],
            );
        });
    });

    describe("production floors and waivers", () => {
        const waiver = { setting: "profile.network.natGateways", reason: "one NAT until the traffic review in Q1", owner: "platform" };

        it("refuses each weakening override in prod without a waiver", () => {
            assert.deepEqual(
                issuesOf({
                    ...prod,
                    profile: {
                        network: { natGateways: "single", availabilityZones: 2, flowLogRetentionDays: 30 },
                        cluster: { nodeCount: 2, minNodes: 2, nodeZones: 2, systemNodes: 0, spotCapacity: true, releaseChannel: "REGULAR" },
                        protectStatefulResources: false,
                    },
                    network: { cidr: "10.30.0.0/16" },
                    cluster: { publicAccessCidrs: ["203.0.113.0/24"] },
                }).map((i) => [i.field, i.value, i.problem]),
                [
                    ["platform:profile.protectStatefulResources", false, "turns protection of stateful resources off in prod"],
                    ["platform:profile.network.natGateways", "single", "removes NAT high availability (single instead of perAz) in prod"],
                    ["platform:profile.network.availabilityZones", 2, "spans 2 zone(s) instead of 3 in prod"],
                    ["platform:profile.network.flowLogRetentionDays", 30, "keeps flow logs 30 days, below the floor of 365 in prod"],
                    ["platform:profile.cluster.nodeCount", 2, "starts 2 worker node(s) instead of 3 in prod"],
                    ["platform:profile.cluster.minNodes", 2, "lets the workers shrink to 2 node(s), below the floor of 3 in prod"],
                    ["platform:profile.cluster.nodeZones", 2, "spreads workers over 2 zone(s) instead of 3 in prod"],
                    ["platform:profile.cluster.systemNodes", 0, "runs 0 system node(s) instead of 3 in prod"],
                    ["platform:profile.cluster.spotCapacity", true, "lets autoscaled capacity run on spot instances in prod"],
                    ["platform:profile.cluster.releaseChannel", "REGULAR", "follows the REGULAR release channel instead of STABLE in prod"],
                    [
                        "platform:cluster.publicAccessCidrs",
                        ["203.0.113.0/24"],
                        "opens the cluster API endpoint to the internet (from an allow-list) in prod",
                    ],
                ],
            );
        });

        it("the fix says how to add the waiver", () => {
            assert.equal(
                issuesOf({ ...dr, profile: { protectStatefulResources: false } })[0].fix,
                "remove the override, or add a platform:waivers entry { setting: profile.protectStatefulResources, reason: <why>, owner: <who> }",
            );
        });

        it("allows a weakening with a waiver, and the settings carry the waiver", () => {
            const s = parsePlatformConfig(
                { ...prod, profile: { network: { natGateways: "single" } }, waivers: [waiver] },
                { today: TODAY },
            );
            assert.equal(s.profile.network.natGateways, "single");
            assert.deepEqual(s.waivers, [waiver]);
        });

        it("strengthening and non-production weakening need no waiver", () => {
            assert.equal(
                parsePlatformConfig({ ...prod, profile: { network: { flowLogRetentionDays: 731 } } }).profile.network.flowLogRetentionDays,
                731,
            );
            assert.equal(
                parsePlatformConfig({ ...prod, environment: "staging", profile: { network: { natGateways: "single" } } }).profile.network
                    .natGateways,
                "single",
            );
        });

        it("rejects a waiver that waives nothing, an expired waiver, and a malformed one", () => {
            assert.deepEqual(problems({ ...prod, waivers: [waiver] }), [
                ["platform:waivers[0]", "waives nothing: profile.network.natGateways does not weaken the prod profile here"],
            ]);
            assert.deepEqual(problems({ ...prod, environment: "dev", waivers: [waiver] }), [
                ["platform:waivers[0]", "waives nothing: profile.network.natGateways does not weaken the dev profile here"],
            ]);
            assert.deepEqual(
                problems({ ...prod, profile: { network: { natGateways: "single" } }, waivers: [{ ...waiver, expires: "2026-12-01" }] }),
                [["platform:waivers[0]", "expired on 2026-12-01"]],
            );
            assert.equal(
                parsePlatformConfig(
                    { ...prod, profile: { network: { natGateways: "single" } }, waivers: [{ ...waiver, expires: TODAY }] },
                    { today: TODAY },
                ).waivers.length,
                1,
            );
            assert.deepEqual(
                problems({
                    ...prod,
                    profile: { network: { natGateways: "single" } },
                    waivers: [{ setting: "profile.data.storageGb", reason: "short", owner: "Ops Team" }],
                }),
                [
                    ["platform:waivers[0].setting", "is not an allowed value"],
                    ["platform:waivers[0].reason", "is not a reason (at least 20 characters)"],
                    ["platform:waivers[0].owner", "is not an owner"],
                    ["platform:profile.network.natGateways", "removes NAT high availability (single instead of perAz) in prod"],
                ],
            );
        });
    });

    it("the error is a pulumi RunError, so a program run by the engine prints the problems without a stack trace", () => {
        try {
            parsePlatformConfig({ ...prod, environment: "qa" });
            assert.fail("expected a ConfigValidationError");
        } catch (err) {
            assert.ok(pulumi.RunError.isInstance(err));
        }
    });

    it("the error message lists field, value, problem and fix for each issue", () => {
        assert.throws(
            () => parsePlatformConfig({ ...prod, environment: "qa" }),
            (err: Error) =>
                err.message ===
                'Invalid platform configuration (1 problem):\n  - platform:environment = "qa": is not an allowed value. Fix: use one of: dev, staging, prod, dr',
        );
    });
});

describe("config: parseStackConfig and loadPlatformSettings (engine form)", () => {
    const engine = {
        "platform:environment": "staging",
        "platform:project": "acme",
        "platform:team": "platform",
        "platform:costCenter": "1042",
        "platform:network": JSON.stringify({ cidr: "10.20.0.0/16" }),
    };

    it("reads platform:* keys, decoding JSON mappings and keeping numeric-looking strings as strings", async () => {
        const result = await synthesize({
            project: "p",
            stack: "staging",
            config: { ...engine, "pulumi:tags": '{"owner":"platform"}' },
            program: () => {
                const s = loadPlatformSettings();
                return { env: s.environment, cc: s.ownership["cost-center"], cidr: s.network.cidr };
            },
        });
        assert.deepEqual(result.outputs, { env: "staging", cc: "1042", cidr: "10.20.0.0/16" });
    });

    it("rejects keys nothing would read: a misspelt namespace, a key without namespace, a provider key", () => {
        assert.throws(
            () =>
                parseStackConfig(
                    {
                        ...engine,
                        "platfom:awsAccountId": "123456789012",
                        "foundation:profile": '{"network":{}}',
                        "aws:region": "eu-west-1",
                        "acme:x": "1",
                    },
                    "foundation",
                    { stack: "staging" },
                ),
            (err: unknown) => {
                assert.ok(err instanceof ConfigValidationError);
                assert.deepEqual(
                    err.issues.map((i) => [i.field, i.problem, i.fix]),
                    [
                        [
                            "platfom:awsAccountId",
                            "is in namespace platfom, a misspelling of platform, so nothing reads it",
                            "write it as platform:awsAccountId",
                        ],
                        [
                            "foundation:profile",
                            "is not read: a key written without a namespace belongs to project foundation, and the platform reads only platform: keys",
                            "write it as platform:profile",
                        ],
                        [
                            "aws:region",
                            "has no effect: the platform configures the aws provider itself, from platform: settings",
                            "remove it; set platform:region, platform:awsAccountId or platform:gcpProject instead",
                        ],
                        [
                            "acme:x",
                            "is not read by the platform (namespace acme)",
                            "remove it, or write it as platform:x if it is a platform setting",
                        ],
                    ],
                );
                return true;
            },
        );
    });

    it("lists foreign keys and platform problems together", () => {
        assert.throws(
            () => parseStackConfig({ ...engine, "platform:team": "Platform", "aws:region": "eu-west-1" }, "foundation"),
            (err: unknown) =>
                err instanceof ConfigValidationError && err.issues.map((i) => i.field).join(",") === "aws:region,platform:team",
        );
    });

    it("checks the environment against the running stack", async () => {
        const issues = await rejectedIssues(
            synthesize({ project: "p", stack: "prod", config: engine, program: () => loadPlatformSettings() }),
        );
        assert.deepEqual(
            issues.map((i) => i.field),
            ["platform:environment"],
        );
    });

    it("reports a mapping key given as a plain string", async () => {
        const issues = await rejectedIssues(
            synthesize({
                project: "p",
                stack: "staging",
                config: { ...engine, "platform:network": "10.0.0.0/16" },
                program: () => loadPlatformSettings(),
            }),
        );
        assert.deepEqual(
            issues.map((i) => [i.field, i.value, i.problem]),
            [["platform:network", "10.0.0.0/16", "must be an object"]],
        );
    });
});

describe("config: platform:data and platform:profile.data", () => {
    const data = (raw: Record<string, unknown>) => parsePlatformConfig(raw, { today: TODAY }).data;

    it("resolves every default from the environment's profile", () => {
        assert.deepEqual(data({ ...prod, environment: "dev", network: { cidr: "10.10.0.0/16" } }), {
            size: "small",
            readReplicas: 0,
            connectionPooling: "none",
            maxReceiveCount: 5,
            objectLock: "none",
        });
        assert.deepEqual(data({ ...prod, environment: "staging" }), {
            size: "medium",
            readReplicas: 0,
            connectionPooling: "rdsProxy",
            maxReceiveCount: 5,
            objectLock: "none",
        });
        assert.deepEqual(data(prod), {
            size: "large",
            readReplicas: 0,
            connectionPooling: "rdsProxy",
            maxReceiveCount: 5,
            objectLock: "none",
        });
        assert.deepEqual(data(dr), { size: "large", readReplicas: 0, maxReceiveCount: 5, objectLock: "none" });
    });

    it("takes every setting on AWS", () => {
        assert.deepEqual(
            data({
                ...prod,
                data: {
                    size: "medium",
                    postgres: { readReplicas: 2, connectionPooling: "none" },
                    queue: { maxReceiveCount: 10 },
                    backups: { objectLock: "compliance", replicationRegion: "us-west-2", crossCloudCopy: { gcpProject: "acme-dr-prod" } },
                },
            }),
            {
                size: "medium",
                readReplicas: 2,
                connectionPooling: "none",
                maxReceiveCount: 10,
                objectLock: "compliance",
                replicationRegion: "us-west-2",
                crossCloudCopyProject: "acme-dr-prod",
            },
        );
    });

    it("takes every setting on GCP, defaulting the copy's source to prod in us-east-1", () => {
        assert.deepEqual(
            data({
                ...dr,
                data: {
                    postgres: { readReplicas: 1 },
                    backups: { objectLock: "governance", crossCloudCopy: { sourceAwsAccountId: "123456789012" } },
                },
            }),
            {
                size: "large",
                readReplicas: 1,
                maxReceiveCount: 5,
                objectLock: "governance",
                crossCloudCopySource: { awsAccountId: "123456789012", environment: "prod", region: "us-east-1" },
            },
        );
        const staging = parsePlatformConfig({
            ...dr,
            data: {
                backups: {
                    crossCloudCopy: { sourceAwsAccountId: "123456789012", sourceEnvironment: "staging", sourceRegion: "us-west-2" },
                },
            },
        });
        assert.deepEqual(staging.cloud === "gcp" && staging.data.crossCloudCopySource, {
            awsAccountId: "123456789012",
            environment: "staging",
            region: "us-west-2",
        });
    });

    it("rejects every bad value of platform:data on AWS, each with its problem", () => {
        assert.deepEqual(
            issuesOf({
                ...prod,
                data: {
                    size: "huge",
                    postgres: { readReplicas: 6, connectionPooling: "pgbouncer" },
                    queue: { maxReceiveCount: 0 },
                    backups: { objectLock: true, replicationRegion: "us-west1", crossCloudCopy: { gcpProject: "Acme_DR" } },
                },
            }).map((i) => [i.field, i.value, i.problem, i.fix]),
            [
                ["platform:data.size", "huge", "is not an allowed value", "use one of: small, medium, large"],
                ["platform:data.postgres.readReplicas", 6, "must be a whole number from 0 to 5", "change it to a number in range"],
                ["platform:data.postgres.connectionPooling", "pgbouncer", "is not an allowed value", "use one of: rdsProxy, none"],
                ["platform:data.queue.maxReceiveCount", 0, "must be a whole number from 1 to 1000", "change it to a number in range"],
                ["platform:data.backups.objectLock", true, "is not an allowed value", "use one of: none, governance, compliance"],
                ["platform:data.backups.replicationRegion", "us-west1", "is not an AWS region", "use an AWS region such as us-west-2"],
                [
                    "platform:data.backups.crossCloudCopy.gcpProject",
                    "Acme_DR",
                    "is not a GCP project id",
                    "use the GCP project id of the copy, e.g. acme-dr-prod",
                ],
            ],
        );
    });

    it("rejects fractional, negative and string counts", () => {
        assert.deepEqual(problems({ ...prod, data: { postgres: { readReplicas: 1.5 }, queue: { maxReceiveCount: "5" } } }), [
            ["platform:data.postgres.readReplicas", "must be a whole number from 0 to 5"],
            ["platform:data.queue.maxReceiveCount", "must be a whole number from 1 to 1000"],
        ]);
        assert.deepEqual(problems({ ...prod, data: { postgres: { readReplicas: -1 }, queue: { maxReceiveCount: 1001 } } }), [
            ["platform:data.postgres.readReplicas", "must be a whole number from 0 to 5"],
            ["platform:data.queue.maxReceiveCount", "must be a whole number from 1 to 1000"],
        ]);
    });

    it("rejects unknown keys and a missing copy target, naming the keys that exist", () => {
        assert.deepEqual(
            issuesOf({ ...prod, data: { postgress: {}, backups: { crossCloudCopy: {} } } }).map((i) => [i.field, i.problem, i.fix]),
            [
                [
                    "platform:data.backups.crossCloudCopy.gcpProject",
                    "required setting is missing",
                    "set it to the GCP project id of the copy, e.g. acme-dr-prod",
                ],
                ["platform:data.postgress", "unknown setting", "remove it or use one of: size, postgres, queue, backups"],
            ],
        );
        assert.deepEqual(problems({ ...prod, data: "large" }), [["platform:data", "must be an object"]]);
    });

    it("rejects a replication region equal to the stack's own region", () => {
        assert.deepEqual(issuesOf({ ...prod, data: { backups: { replicationRegion: "us-east-1" } } }), [
            {
                field: "platform:data.backups.replicationRegion",
                value: "us-east-1",
                problem: "is the stack's own region, so a regional outage takes both copies",
                fix: "choose another region, e.g. us-west-2 for us-east-1",
            },
        ]);
    });

    it("rejects AWS-only settings on GCP, and every bad value of the GCP copy source", () => {
        assert.deepEqual(
            issuesOf({
                ...dr,
                data: { postgres: { connectionPooling: "rdsProxy" }, backups: { replicationRegion: "us-east4" } },
            }).map((i) => [i.field, i.problem, i.fix]),
            [
                [
                    "platform:data.postgres.connectionPooling",
                    "is only supported on aws; this is a gcp stack",
                    "remove it, or set platform:cloud to aws",
                ],
                [
                    "platform:data.backups.replicationRegion",
                    "is only supported on aws; this is a gcp stack",
                    "remove it, or set platform:cloud to aws",
                ],
            ],
        );
        assert.deepEqual(
            problems({
                ...dr,
                data: { backups: { crossCloudCopy: { sourceAwsAccountId: "1234", sourceEnvironment: "qa", sourceRegion: "us-east1" } } },
            }),
            [
                ["platform:data.backups.crossCloudCopy.sourceAwsAccountId", "is not an AWS account id"],
                ["platform:data.backups.crossCloudCopy.sourceEnvironment", "is not an allowed value"],
                ["platform:data.backups.crossCloudCopy.sourceRegion", "is not an AWS region"],
            ],
        );
        assert.deepEqual(problems({ ...dr, data: { backups: { crossCloudCopy: {} } } }), [
            ["platform:data.backups.crossCloudCopy.sourceAwsAccountId", "required setting is missing"],
        ]);
    });

    it("rejects a copy source that is not an AWS environment", () => {
        assert.deepEqual(
            issuesOf({ ...dr, data: { backups: { crossCloudCopy: { sourceAwsAccountId: "123456789012", sourceEnvironment: "dr" } } } }),
            [
                {
                    field: "platform:data.backups.crossCloudCopy.sourceEnvironment",
                    value: "dr",
                    problem: "runs on gcp; the copy reads an AWS environment's S3 backup bucket",
                    fix: "name an AWS environment, e.g. prod",
                },
            ],
        );
    });

    it("applies profile.data overrides and rejects bad ones", () => {
        const profile = parsePlatformConfig({
            ...prod,
            environment: "dev",
            profile: {
                data: {
                    highAvailability: true,
                    storageGb: 100,
                    backupRetentionDays: 14,
                    pointInTimeRecovery: false,
                    deletionProtection: true,
                },
            },
        }).profile.data;
        assert.deepEqual(profile, {
            highAvailability: true,
            storageGb: 100,
            backupRetentionDays: 14,
            pointInTimeRecovery: false,
            deletionProtection: true,
        });
        assert.deepEqual(
            problems({
                ...prod,
                environment: "dev",
                profile: { data: { highAvailability: "no", storageGb: 10, backupRetentionDays: 36, pointInTimeRecovery: 1, retention: 7 } },
            }),
            [
                ["platform:profile.data.highAvailability", "must be true or false"],
                ["platform:profile.data.storageGb", "must be a whole number from 20 to 65536"],
                ["platform:profile.data.backupRetentionDays", "must be a whole number from 1 to 35"],
                ["platform:profile.data.pointInTimeRecovery", "must be true or false"],
                ["platform:profile.data.retention", "unknown setting"],
            ],
        );
    });

    it("a bigger database changes the default size", () => {
        assert.equal(data({ ...prod, environment: "dev", profile: { data: { storageGb: 200 } } }).size, "medium");
    });

    it("refuses each data weakening in prod and dr without a waiver, and accepts it with one", () => {
        const weakened = {
            data: { highAvailability: false, backupRetentionDays: 7, pointInTimeRecovery: false, deletionProtection: false },
        };
        const expected: Array<[string, unknown, string]> = [
            ["platform:profile.data.highAvailability", false, "runs databases and caches in one zone (Multi-AZ / REGIONAL off) in prod"],
            ["platform:profile.data.backupRetentionDays", 7, "keeps backups 7 days, below the floor of 30 in prod"],
            [
                "platform:profile.data.pointInTimeRecovery",
                false,
                "turns point-in-time recovery off (the 15-minute RPO of the seeds no longer holds) in prod",
            ],
            ["platform:profile.data.deletionProtection", false, "turns deletion protection of databases off in prod"],
        ];
        assert.deepEqual(
            issuesOf({ ...prod, profile: weakened }).map((i) => [i.field, i.value, i.problem]),
            expected,
        );
        assert.deepEqual(
            issuesOf({ ...dr, profile: weakened }).map((i) => i.problem),
            expected.map(([, , p]) => p.replace(/ in prod$/, " in dr")),
        );
        const waivers = ["highAvailability", "backupRetentionDays", "pointInTimeRecovery", "deletionProtection"].map((k) => ({
            setting: `profile.data.${k}`,
            reason: "a short-lived load test environment copy",
            owner: "platform",
        }));
        const s = parsePlatformConfig({ ...prod, profile: weakened, waivers }, { today: TODAY });
        assert.deepEqual(s.profile.data, { ...s.profile.data, ...weakened.data });
    });

    it("strengthening, a smaller disk in prod, and weakening outside production need no waiver", () => {
        assert.equal(parsePlatformConfig({ ...prod, profile: { data: { backupRetentionDays: 35 } } }).profile.data.backupRetentionDays, 35);
        assert.equal(parsePlatformConfig({ ...prod, profile: { data: { storageGb: 300 } } }).profile.data.storageGb, 300);
        assert.equal(
            parsePlatformConfig({ ...prod, environment: "staging", profile: { data: { highAvailability: false } } }).profile.data
                .highAvailability,
            false,
        );
    });
});

describe("config: the platform layer (platform:platform, platform:profile.platform)", () => {
    it("unset: no ACME email, the default trusted registries, the profile's add-on replicas", () => {
        const settings = parsePlatformConfig(prod, { today: TODAY });
        assert.deepEqual(settings.platform, {
            trustedRegistries: ["*.dkr.ecr.*.amazonaws.com", "*-docker.pkg.dev", "ghcr.io"],
            runtimeSecurity: { minimumPriority: "warning" },
            rbac: { breakGlassGroup: "platform:break-glass", teams: [] },
        });
        assert.deepEqual(settings.profile.platform, {
            istiodReplicas: 3,
            ingressGatewayReplicas: 3,
            egressGatewayReplicas: 2,
            kongReplicas: 2,
            controllerReplicas: 2,
        });
        assert.deepEqual(
            (["dev", "staging", "prod", "dr"] as const).map((e) => PROFILES[e].platform.istiodReplicas),
            [1, 2, 3, 3],
        );
    });

    it("reads the ACME email, the registries and replica overrides", () => {
        const settings = parsePlatformConfig(
            {
                ...prod,
                platform: { acmeEmail: "platform@acme.example.com", trustedRegistries: ["ghcr.io", "registry.acme.example.com:5000/team"] },
                profile: { platform: { istiodReplicas: 5, kongReplicas: 4 } },
            },
            { today: TODAY },
        );
        assert.deepEqual(settings.platform, {
            acmeEmail: "platform@acme.example.com",
            trustedRegistries: ["ghcr.io", "registry.acme.example.com:5000/team"],
            runtimeSecurity: { minimumPriority: "warning" },
            rbac: { breakGlassGroup: "platform:break-glass", teams: [] },
        });
        assert.deepEqual(
            [
                settings.profile.platform.istiodReplicas,
                settings.profile.platform.kongReplicas,
                settings.profile.platform.ingressGatewayReplicas,
            ],
            [5, 4, 3],
        );
    });

    it("rejects every bad value: a malformed email, an empty or malformed registry list, unknown keys, replicas out of range", () => {
        assert.deepEqual(
            problems({
                ...prod,
                platform: { acmeEmail: "platform-at-acme", trustedRegistries: ["https://ghcr.io", "ghcr.io:tag"], ingressClass: "nginx" },
                profile: {
                    platform: {
                        istiodReplicas: 0,
                        ingressGatewayReplicas: 11,
                        egressGatewayReplicas: 1.5,
                        kongReplicas: "2",
                        controllerReplicas: -1,
                        cniReplicas: 2,
                    },
                },
            }),
            [
                ["platform:profile.platform.istiodReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.platform.ingressGatewayReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.platform.egressGatewayReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.platform.kongReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.platform.controllerReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.platform.cniReplicas", "unknown setting"],
                ["platform:platform.acmeEmail", "is not an email address"],
                ["platform:platform.trustedRegistries[0]", "is not a registry host pattern"],
                ["platform:platform.trustedRegistries[1]", "is not a registry host pattern"],
                ["platform:platform.ingressClass", "unknown setting"],
            ],
        );
        assert.deepEqual(problems({ ...prod, platform: { trustedRegistries: [] } }), [
            ["platform:platform.trustedRegistries", "must list at least one registry"],
        ]);
        assert.deepEqual(problems({ ...prod, platform: "ghcr.io" }), [["platform:platform", "must be an object"]]);
    });

    it("reads Falco's minimum priority and the RBAC teams and break-glass group", () => {
        const rbac = {
            breakGlassGroup: "acme:break-glass",
            teams: [{ name: "web", group: "web-team@acme.example.com", namespaces: ["tiation-prod", "tiation-batch"] }],
        };
        const settings = parsePlatformConfig(
            { ...prod, platform: { runtimeSecurity: { minimumPriority: "critical" }, rbac } },
            { today: TODAY },
        );
        assert.deepEqual(settings.platform.runtimeSecurity, { minimumPriority: "critical" });
        assert.deepEqual(settings.platform.rbac, rbac);
        assert.deepEqual(parsePlatformConfig({ ...prod, platform: { rbac: { teams: [] } } }, { today: TODAY }).platform.rbac, {
            breakGlassGroup: "platform:break-glass",
            teams: [],
        });
    });

    it("rejects a bad priority, system: groups, bad or shared namespaces, duplicate teams, a team on the break-glass group", () => {
        assert.deepEqual(
            problems({
                ...prod,
                platform: {
                    runtimeSecurity: { minimumPriority: "loud", rules: [] },
                    rbac: {
                        breakGlassGroup: "system:masters",
                        teams: [
                            { name: "web", group: "acme:web", namespaces: ["kube-system", "default"] },
                            { name: "web", group: "acme:web2", namespaces: ["shared"] },
                            { name: "api", group: "acme:api", namespaces: ["shared"], role: "admin" },
                            { name: "ops", group: "acme:ops", namespaces: [] },
                        ],
                    },
                },
            }),
            [
                ["platform:platform.runtimeSecurity.minimumPriority", "is not an allowed value"],
                ["platform:platform.runtimeSecurity.rules", "unknown setting"],
                ["platform:platform.rbac.breakGlassGroup", "is not a group name outside system:"],
                ["platform:platform.rbac.teams[0].namespaces[0]", "is not an app namespace"],
                ["platform:platform.rbac.teams[0].namespaces[1]", "is not an app namespace"],
                ["platform:platform.rbac.teams[2].role", "unknown setting"],
                ["platform:platform.rbac.teams[3].namespaces", "must list at least one namespace"],
                ["platform:platform.rbac.teams[].name", '"web" listed twice'],
                ["platform:platform.rbac.teams[].namespaces", '"shared" listed twice'],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                platform: { rbac: { teams: [{ name: "sre", group: "platform:break-glass", namespaces: ["sre"] }] } },
            }),
            [["platform:platform.rbac.teams[0].group", "is the break-glass group, which is bound to cluster-admin"]],
        );
    });

    it("platform:cluster.groupRoles (AWS): IAM roles mapped to RBAC's groups only; unknown groups and GCP are refused", () => {
        const role = "arn:aws:iam::123456789012:role/payments-deployers";
        const rbac = { teams: [{ name: "payments", group: "acme:payments", namespaces: ["payments-prod"] }] };
        const settings = parsePlatformConfig(
            {
                ...prod,
                platform: { rbac },
                cluster: { groupRoles: [{ roleArn: role, groups: ["acme:payments", "platform:break-glass"] }] },
            },
            { today: TODAY },
        );
        assert.deepEqual(settings.cloud === "aws" ? settings.cluster.groupRoles : null, [
            { roleArn: role, groups: ["acme:payments", "platform:break-glass"] },
        ]);
        assert.deepEqual(settings.cloud === "aws" ? parsePlatformConfig(prod, { today: TODAY }).cluster : null, {
            adminRoleArns: [],
            groupRoles: [],
            publicAccessCidrs: [],
        });
        assert.deepEqual(
            problems({
                ...prod,
                platform: { rbac },
                cluster: {
                    groupRoles: [
                        { roleArn: "arn:aws:iam::123456789012:user/bob", groups: ["acme:unknown", "system:masters"] },
                        { roleArn: role, groups: [] },
                    ],
                },
            }),
            [
                ["platform:cluster.groupRoles[0].roleArn", "is not an IAM role ARN without wildcards"],
                ["platform:cluster.groupRoles[0].groups[1]", "is not a group name outside system:"],
                ["platform:cluster.groupRoles[1].groups", "must list at least one group"],
                [
                    "platform:cluster.groupRoles[0].groups[0]",
                    "is neither the break-glass group nor a team's group in platform:platform.rbac",
                ],
                [
                    "platform:cluster.groupRoles[0].groups[1]",
                    "is neither the break-glass group nor a team's group in platform:platform.rbac",
                ],
            ],
        );
    });

    it("the edge's rate limit: read when set (unset leaves the edge's default), rejected outside WAF's range or not whole", () => {
        assert.equal(parsePlatformConfig(prod, { today: TODAY }).platform.edgeRateLimitPer5Minutes, undefined);
        assert.equal(
            parsePlatformConfig({ ...prod, platform: { edgeRateLimitPer5Minutes: 500 } }, { today: TODAY }).platform
                .edgeRateLimitPer5Minutes,
            500,
        );
        for (const bad of [99, 2_000_000_001, 150.5, "2000"]) {
            assert.deepEqual(problems({ ...prod, platform: { edgeRateLimitPer5Minutes: bad } }), [
                ["platform:platform.edgeRateLimitPer5Minutes", "must be a whole number from 100 to 2000000000"],
            ]);
        }
        const issue = issuesOf({ ...prod, platform: { edgeRateLimitPer5Minutes: 50 } })[0];
        assert.equal(issue?.fix, "change it to a number in range");
    });

    it("reads the alerting teams and mail server; rejects an empty team list, bad names, emails and hosts, every problem at once", () => {
        const alerting = {
            teams: [
                { name: "platform", email: "platform-team@acme.example.com" },
                { name: "docuthinker", email: "docs@acme.example.com" },
            ],
            smtp: { from: "alerts@acme.example.com", smarthost: "email-smtp.us-east-1.amazonaws.com:587", username: "alertmanager" },
        };
        assert.deepEqual(parsePlatformConfig({ ...prod, platform: { alerting } }, { today: TODAY }).platform.alerting, alerting);
        assert.equal(parsePlatformConfig(prod, { today: TODAY }).platform.alerting, undefined);
        assert.deepEqual(
            problems({
                ...prod,
                platform: {
                    alerting: {
                        teams: [{ name: "Platform Team", email: "nobody", pager: "x" }],
                        smtp: { from: "alerts", smarthost: "https://smtp.example.com", username: "a b" },
                    },
                },
            }),
            [
                ["platform:platform.alerting.teams[0].name", "is not a team name"],
                ["platform:platform.alerting.teams[0].email", "is not an email address"],
                ["platform:platform.alerting.teams[0].pager", "unknown setting"],
                ["platform:platform.alerting.smtp.from", "is not an email address"],
                ["platform:platform.alerting.smtp.smarthost", "is not a host:port"],
                ["platform:platform.alerting.smtp.username", "is not a user name"],
            ],
        );
        assert.deepEqual(problems({ ...prod, platform: { alerting: { ...alerting, teams: [] } } }), [
            ["platform:platform.alerting.teams", "must list at least one team"],
        ]);
        assert.deepEqual(
            (["dev", "staging", "prod", "dr"] as const).map((e) => [
                PROFILES[e].monitoring.prometheusReplicas,
                PROFILES[e].monitoring.alertmanagerReplicas,
                PROFILES[e].monitoring.retentionDays,
            ]),
            [
                [1, 1, 7],
                [2, 2, 15],
                [2, 3, 30],
                [2, 3, 30],
            ],
        );
    });

    it("fewer add-on replicas than prod's profile need a waiver each; with one they apply; more never do", () => {
        assert.deepEqual(
            issuesOf({
                ...prod,
                profile: {
                    platform: {
                        istiodReplicas: 1,
                        ingressGatewayReplicas: 2,
                        egressGatewayReplicas: 1,
                        kongReplicas: 1,
                        controllerReplicas: 1,
                    },
                },
            }).map((i) => [i.field, i.value, i.problem]),
            [
                ["platform:profile.platform.istiodReplicas", 1, "runs 1 istiod replica(s) instead of 3 in prod"],
                ["platform:profile.platform.ingressGatewayReplicas", 2, "runs 2 ingress gateway replica(s) instead of 3 in prod"],
                ["platform:profile.platform.egressGatewayReplicas", 1, "runs 1 egress gateway replica(s) instead of 2 in prod"],
                ["platform:profile.platform.kongReplicas", 1, "runs 1 Kong replica(s) instead of 2 in prod"],
                ["platform:profile.platform.controllerReplicas", 1, "runs 1 add-on controller replica(s) instead of 2 in prod"],
            ],
        );
        const waived = parsePlatformConfig(
            {
                ...dr,
                profile: { platform: { istiodReplicas: 2 } },
                waivers: [
                    {
                        setting: "profile.platform.istiodReplicas",
                        reason: "dr runs warm with two istiod until failover",
                        owner: "platform",
                    },
                ],
            },
            { today: TODAY },
        );
        assert.equal(waived.profile.platform.istiodReplicas, 2);
        assert.doesNotThrow(() => parsePlatformConfig({ ...prod, profile: { platform: { istiodReplicas: 5 } } }, { today: TODAY }));
        assert.doesNotThrow(() =>
            parsePlatformConfig(
                { ...prod, environment: "dev", network: { cidr: "10.10.0.0/16" }, profile: { platform: { istiodReplicas: 1 } } },
                { stack: "dev", today: TODAY },
            ),
        );
    });

    it("monitoring overrides: more applies anywhere; fewer Prometheus or Alertmanager replicas or a shorter retention in prod needs a waiver; out of range is rejected", () => {
        assert.deepEqual(
            parsePlatformConfig(
                { ...prod, profile: { monitoring: { retentionDays: 90, storageGiB: 300, alertmanagerReplicas: 5 } } },
                { today: TODAY },
            ).profile.monitoring,
            {
                prometheusReplicas: 2,
                alertmanagerReplicas: 5,
                retentionDays: 90,
                storageGiB: 300,
                logRetentionDays: 30,
                traceRetentionDays: 14,
                collectorReplicas: 3,
                lokiDeploymentMode: "SimpleScalable",
            },
        );
        assert.deepEqual(
            issuesOf({
                ...prod,
                profile: { monitoring: { prometheusReplicas: 1, alertmanagerReplicas: 1, retentionDays: 7, storageGiB: 50 } },
            }).map((i) => [i.field, i.problem]),
            [
                ["platform:profile.monitoring.prometheusReplicas", "runs 1 Prometheus replica(s) instead of 2 in prod"],
                ["platform:profile.monitoring.alertmanagerReplicas", "runs 1 Alertmanager replica(s) instead of 3 in prod"],
                [
                    "platform:profile.monitoring.retentionDays",
                    "keeps metrics 7 days, below the floor of 30 (the SLOs' 30-day budget) in prod",
                ],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                profile: { monitoring: { prometheusReplicas: 0, retentionDays: 401, storageGiB: 5, grafanaReplicas: 2 } },
            }),
            [
                ["platform:profile.monitoring.prometheusReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.monitoring.retentionDays", "must be a whole number from 1 to 400"],
                ["platform:profile.monitoring.storageGiB", "must be a whole number from 10 to 16384"],
                ["platform:profile.monitoring.grafanaReplicas", "unknown setting"],
            ],
        );
    });

    it("logs and traces: retention, collector replicas and Loki's mode per environment (seed 001: 3 collectors in prod)", () => {
        assert.deepEqual(
            (["dev", "staging", "prod", "dr"] as const).map((e) => {
                const m = PROFILES[e].monitoring;
                return [m.logRetentionDays, m.traceRetentionDays, m.collectorReplicas, m.lokiDeploymentMode];
            }),
            [
                [7, 3, 1, "SingleBinary"],
                [14, 7, 2, "SimpleScalable"],
                [30, 14, 3, "SimpleScalable"],
                [30, 14, 3, "SimpleScalable"],
            ],
        );
        const more = { logRetentionDays: 90, traceRetentionDays: 30, collectorReplicas: 5 };
        assert.deepEqual(parsePlatformConfig({ ...prod, profile: { monitoring: more } }, { today: TODAY }).profile.monitoring, {
            ...PROFILES.prod.monitoring,
            ...more,
        });
        const dev = { ...prod, environment: "dev", network: { cidr: "10.10.0.0/16" } };
        assert.equal(
            parsePlatformConfig(
                { ...dev, profile: { monitoring: { lokiDeploymentMode: "SimpleScalable" } } },
                { stack: "dev", today: TODAY },
            ).profile.monitoring.lokiDeploymentMode,
            "SimpleScalable",
        );
        assert.deepEqual(
            issuesOf({
                ...prod,
                profile: {
                    monitoring: { logRetentionDays: 7, traceRetentionDays: 3, collectorReplicas: 1, lokiDeploymentMode: "SingleBinary" },
                },
            }).map((i) => [i.field, i.problem]),
            [
                ["platform:profile.monitoring.logRetentionDays", "keeps logs 7 days, below the floor of 30 in prod"],
                ["platform:profile.monitoring.traceRetentionDays", "keeps traces 3 days, below the floor of 14 in prod"],
                ["platform:profile.monitoring.collectorReplicas", "runs 1 OpenTelemetry Collector replica(s) instead of 3 in prod"],
                [
                    "platform:profile.monitoring.lokiDeploymentMode",
                    "runs Loki as a single pod (no replicated writes: a restart loses unflushed logs) in prod",
                ],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                profile: {
                    monitoring: { logRetentionDays: 0, traceRetentionDays: 401, collectorReplicas: 11, lokiDeploymentMode: "Distributed" },
                },
            }),
            [
                ["platform:profile.monitoring.logRetentionDays", "must be a whole number from 1 to 400"],
                ["platform:profile.monitoring.traceRetentionDays", "must be a whole number from 1 to 400"],
                ["platform:profile.monitoring.collectorReplicas", "must be a whole number from 1 to 10"],
                ["platform:profile.monitoring.lokiDeploymentMode", "is not an allowed value"],
            ],
        );
    });
});

describe("config: the security layer (platform:security)", () => {
    it("unset: no CI identity; the audit store is write-once (governance) in prod and dr only", () => {
        assert.deepEqual(parsePlatformConfig(prod, { today: TODAY }).security, { auditObjectLock: "governance" });
        assert.deepEqual(parsePlatformConfig(dr, { today: TODAY }).security, { auditObjectLock: "governance" });
        assert.deepEqual(
            parsePlatformConfig({ ...prod, environment: "staging", network: { cidr: "10.20.0.0/16" } }, { today: TODAY }).security,
            {
                auditObjectLock: "none",
            },
        );
    });

    it("reads the repository; the GitHub environment defaults to the platform environment's name, the drift one to <env>-drift", () => {
        const github = { owner: "acme-corp", repository: "platform.infra_2" };
        const stateBackend = { bucket: "acme-pulumi-state" };
        assert.deepEqual(
            parsePlatformConfig({ ...prod, security: { github, stateBackend, auditObjectLock: "compliance" } }, { today: TODAY }).security,
            {
                github: { ...github, environment: "prod" },
                drift: { githubEnvironment: "prod-drift", stateBucket: "acme-pulumi-state" },
                auditObjectLock: "compliance",
            },
        );
        const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assert.deepEqual(
            parsePlatformConfig(
                {
                    ...prod,
                    security: {
                        github: { ...github, environment: "production", driftEnvironment: "nightly" },
                        stateBackend: { ...stateBackend, secretsKey: key },
                    },
                },
                { today: TODAY },
            ).security,
            {
                github: { ...github, environment: "production" },
                drift: { githubEnvironment: "nightly", stateBucket: "acme-pulumi-state", stateSecretsKey: key },
                auditObjectLock: "governance",
            },
        );
        const gcpKey = "projects/acme-state/locations/global/keyRings/pulumi/cryptoKeys/state";
        assert.deepEqual(
            parsePlatformConfig(
                { ...dr, security: { github, stateBackend: { bucket: "acme_dr_state", secretsKey: gcpKey } } },
                { today: TODAY },
            ).security.drift,
            { githubEnvironment: "dr-drift", stateBucket: "acme_dr_state", stateSecretsKey: gcpKey },
        );
    });

    it("a state backend without a repository is accepted and unused (no CI identity, no drift identity)", () => {
        assert.deepEqual(
            parsePlatformConfig({ ...prod, security: { stateBackend: { bucket: "acme-pulumi-state" } } }, { today: TODAY }).security,
            {
                auditObjectLock: "governance",
            },
        );
    });

    it("the drift identity: the state backend is required with github, its own GitHub environment, a key of the stack's cloud", () => {
        const github = { owner: "acme-corp", repository: "platform" };
        assert.deepEqual(problems({ ...prod, security: { github } }), [
            ["platform:security.stateBackend", "is not set, but github is: the nightly drift identity could not read the stacks' state"],
        ]);
        assert.deepEqual(
            problems({
                ...prod,
                security: { github: { ...github, driftEnvironment: "prod" }, stateBackend: { bucket: "acme-pulumi-state" } },
            }),
            [
                [
                    "platform:security.github.driftEnvironment",
                    "is the deploy environment, so deploy jobs could assume the drift identity and the nightly job could assume the deploy role",
                ],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                security: {
                    github: { ...github, environment: "production", driftEnvironment: "production" },
                    stateBackend: { bucket: "Acme_State!", secretsKey: "alias/pulumi", region: "us-east-1" },
                },
            }),
            [
                ["platform:security.stateBackend.bucket", "is not a bucket name"],
                ["platform:security.stateBackend.region", "unknown setting"],
                [
                    "platform:security.github.driftEnvironment",
                    "is the deploy environment, so deploy jobs could assume the drift identity and the nightly job could assume the deploy role",
                ],
                ["platform:security.stateBackend.secretsKey", "is not a KMS key ARN"],
            ],
        );
        assert.deepEqual(
            problems({
                ...dr,
                security: {
                    github,
                    stateBackend: {
                        bucket: "acme-dr-state",
                        secretsKey: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    },
                },
            }),
            [["platform:security.stateBackend.secretsKey", "is not a Cloud KMS crypto key id"]],
        );
    });

    it("rejects every bad value: wildcards, slashes and colons in the names, a missing repository, unknown keys, a bad lock mode", () => {
        assert.deepEqual(
            problems({
                ...prod,
                security: {
                    github: { owner: "acme/corp", repository: "*", environment: "prod:*", branch: "main" },
                    auditObjectLock: "forever",
                    stateBackend: { bucket: "acme-pulumi-state" },
                    waf: true,
                },
            }),
            [
                ["platform:security.github.owner", "is not a GitHub owner"],
                ["platform:security.github.repository", "is not a repository name"],
                ["platform:security.github.environment", "is not a GitHub environment name"],
                ["platform:security.github.branch", "unknown setting"],
                ["platform:security.auditObjectLock", "is not an allowed value"],
                ["platform:security.waf", "unknown setting"],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                security: { github: { owner: "-acme", repository: ".." }, stateBackend: { bucket: "acme-pulumi-state" } },
            }),
            [
                ["platform:security.github.owner", "is not a GitHub owner"],
                ["platform:security.github.repository", "is not a repository name"],
            ],
        );
        assert.deepEqual(
            problems({ ...prod, security: { github: { owner: "acme--corp-" }, stateBackend: { bucket: "acme-pulumi-state" } } }),
            [
                ["platform:security.github.owner", "is not a GitHub owner"],
                ["platform:security.github.repository", "required setting is missing"],
            ],
        );
        assert.deepEqual(problems({ ...prod, security: { github: "acme-corp/platform" } }), [
            ["platform:security.github", "must be an object"],
        ]);
        assert.deepEqual(
            problems({
                ...prod,
                security: { github: { owner: "a".repeat(40), repository: "r".repeat(101) }, stateBackend: { bucket: "acme-pulumi-state" } },
            }),
            [
                ["platform:security.github.owner", "is not a GitHub owner"],
                ["platform:security.github.repository", "is not a repository name"],
            ],
        );
    });
});

describe("config: cloud alerts and budgets (platform:alerts, platform:budget)", () => {
    it("unset: no addresses, no uptime check, no budget", () => {
        const settings = parsePlatformConfig(prod, { today: TODAY });
        assert.deepEqual(settings.alerts, { emails: [] });
        assert.equal(settings.budget, undefined);
        assert.equal(parsePlatformConfig(dr, { today: TODAY }).budget, undefined);
    });

    it("reads the addresses, the uptime check (path defaults to /) and the budget of each cloud", () => {
        const alerts = { emails: ["oncall@acme.example.com", "ops+dr@acme.example.com"], uptimeCheck: { host: "api.acme.example.com" } };
        const aws = parsePlatformConfig(
            { ...prod, alerts, budget: { monthlyLimitUsd: 12000, recipients: ["finops@acme.example.com"] } },
            { today: TODAY },
        );
        assert.deepEqual(aws.alerts, { emails: alerts.emails, uptimeCheck: { host: "api.acme.example.com", path: "/" } });
        assert.deepEqual(aws.budget, { monthlyLimitUsd: 12000, recipients: ["finops@acme.example.com"] });
        const gcp = parsePlatformConfig(
            {
                ...dr,
                alerts: { emails: ["oncall@acme.example.com"], uptimeCheck: { host: "dr.acme.example.com", path: "/healthz" } },
                budget: { monthlyLimitUsd: 2500.5, recipients: ["finops@acme.example.com"], billingAccount: "012345-6789AB-CDEF01" },
            },
            { today: TODAY },
        );
        assert.deepEqual(gcp.alerts.uptimeCheck, { host: "dr.acme.example.com", path: "/healthz" });
        assert.deepEqual(gcp.budget, {
            monthlyLimitUsd: 2500.5,
            recipients: ["finops@acme.example.com"],
            billingAccount: "012345-6789AB-CDEF01",
        });
    });

    it("rejects every bad value at once", () => {
        assert.deepEqual(
            problems({
                ...prod,
                alerts: {
                    emails: ["oncall", "a b@example.com"],
                    uptimeCheck: { host: "https://api.example.com", path: "healthz" },
                    slack: "x",
                },
                budget: { monthlyLimitUsd: 0, recipients: [], billingAccount: "012345-6789AB-CDEF01" },
            }),
            [
                ["platform:alerts.emails[0]", "is not an email address"],
                ["platform:alerts.emails[1]", "is not an email address"],
                ["platform:alerts.uptimeCheck.host", "is not a host name"],
                ["platform:alerts.uptimeCheck.path", "is not an absolute path"],
                ["platform:alerts.slack", "unknown setting"],
                ["platform:budget.monthlyLimitUsd", "must be more than 0"],
                ["platform:budget.recipients", "must list at least one address"],
                ["platform:budget.billingAccount", "is only supported on gcp; this is an aws stack"],
            ],
        );
        assert.deepEqual(
            problems({
                ...dr,
                alerts: { emails: [] },
                budget: { monthlyLimitUsd: "5000", recipients: Array.from({ length: 6 }, (_, i) => `p${i}@example.com`) },
            }),
            [
                ["platform:alerts.emails", "must list at least one address"],
                ["platform:budget.monthlyLimitUsd", "must be a number of US dollars"],
                ["platform:budget.recipients", "lists more than 5 addresses"],
                ["platform:budget.billingAccount", "required setting is missing"],
            ],
        );
        // AWS Budgets takes ten subscribers per notification, a GCP budget five channels.
        const many = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`);
        assert.deepEqual(problems({ ...prod, budget: { monthlyLimitUsd: 1, recipients: many(11) } }), [
            ["platform:budget.recipients", "lists more than 10 addresses"],
        ]);
        assert.equal(
            parsePlatformConfig({ ...prod, budget: { monthlyLimitUsd: 1, recipients: many(10) } }, { today: TODAY }).budget?.recipients
                .length,
            10,
        );
    });
});

describe("config: disaster recovery (platform:dr: failover on AWS, hostnames on GCP)", () => {
    const failover = {
        hostname: "app.acme.example.com",
        primaryAlias: { dnsName: "acme-prod-public-1.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" },
        secondaryAddress: "34.18.206.253",
    };

    it("unset: no failover; set: read as written (the health check's defaults are the component's)", () => {
        const unset = parsePlatformConfig(prod, { today: TODAY });
        assert.equal(unset.cloud === "aws" ? unset.dr : "gcp", undefined);
        const set = parsePlatformConfig(
            {
                ...prod,
                dr: { failover: { ...failover, healthCheck: { path: "/ready", failureThreshold: 2, requestIntervalSeconds: 10 } } },
            },
            { today: TODAY },
        );
        assert.deepEqual(set.cloud === "aws" ? set.dr : undefined, {
            failover: { ...failover, healthCheck: { path: "/ready", failureThreshold: 2, requestIntervalSeconds: 10 } },
        });
    });

    it("rejects bad formats, a missing or doubled endpoint, and the key on GCP", () => {
        assert.deepEqual(
            problems({
                ...prod,
                dr: {
                    failover: {
                        hostname: "App.Example",
                        primaryAlias: { dnsName: "lb.example.com", zoneId: "z123" },
                        primaryHostname: "lb.example.com",
                        secondaryAddress: "34.1.2",
                        healthCheck: { path: "ready", failureThreshold: 0, requestIntervalSeconds: 20 },
                    },
                },
            }),
            [
                ["platform:dr.failover.hostname", "is not a lowercase host name"],
                ["platform:dr.failover.primaryAlias.zoneId", "is not a hosted zone id"],
                ["platform:dr.failover.secondaryAddress", "is not an IPv4 address"],
                ["platform:dr.failover.healthCheck.path", "is not an absolute path"],
                ["platform:dr.failover.healthCheck.failureThreshold", "must be a whole number from 1 to 10"],
                ["platform:dr.failover.healthCheck.requestIntervalSeconds", "Route 53 checks every 10 or 30 seconds only"],
            ],
        );
        assert.deepEqual(
            problems({
                ...prod,
                dr: {
                    failover: {
                        hostname: "app.acme.example.com",
                        primaryAlias: { dnsName: "lb.example.com", zoneId: "Z35SXDOTRQ7X7K" },
                        primaryHostname: "lb.example.com",
                        secondaryAddress: "34.1.2.3",
                        secondaryHostname: "lb.gcp.example.net",
                    },
                },
            }),
            [
                ["platform:dr.failover.primaryAlias", "set at most one of primaryAlias and primaryHostname"],
                ["platform:dr.failover.secondaryAddress", "set exactly one of secondaryAddress and secondaryHostname"],
            ],
        );
        // No primary at all is the platform layer's public edge: accepted.
        const settings = parsePlatformConfig(
            { ...prod, dr: { failover: { hostname: "app.acme.example.com", secondaryAddress: "34.1.2.3" } } },
            { today: TODAY },
        );
        assert.ok(settings.cloud === "aws");
        assert.deepEqual(settings.dr?.failover, { hostname: "app.acme.example.com", secondaryAddress: "34.1.2.3" });
        assert.deepEqual(problems({ ...dr, dr: { hostnames: ["app.acme.example.com"], failover } }), [
            ["platform:dr.failover", "is only supported on aws; this is a gcp stack"],
        ]);
    });

    it("failover.dnsAuthorizations: read as written; a record that is not an _acme-challenge name or a Certificate Manager target is refused", () => {
        const auth = {
            recordName: "_acme-challenge.app.acme.example.com.",
            recordData: "0a1b2c3d4e5f.9.authorize.certificatemanager.goog.",
        };
        const settings = parsePlatformConfig({ ...prod, dr: { failover: { ...failover, dnsAuthorizations: [auth] } } }, { today: TODAY });
        assert.deepEqual(settings.cloud === "aws" ? settings.dr?.failover?.dnsAuthorizations : undefined, [auth]);
        assert.deepEqual(
            problems({
                ...prod,
                dr: {
                    failover: { ...failover, dnsAuthorizations: [{ recordName: "app.acme.example.com", recordData: "evil.example.net." }] },
                },
            }),
            [
                ["platform:dr.failover.dnsAuthorizations[0].recordName", "is not an _acme-challenge record name"],
                ["platform:dr.failover.dnsAuthorizations[0].recordData", "is not a Certificate Manager authorization target"],
            ],
        );
    });

    it("GCP hostnames: read as written; unset is no public edge; an empty, malformed or AWS-side list is refused", () => {
        const set = parsePlatformConfig({ ...dr, dr: { hostnames: ["app.acme.example.com", "api.acme.example.com"] } }, { today: TODAY });
        assert.deepEqual(set.cloud === "gcp" ? set.dr : undefined, { hostnames: ["app.acme.example.com", "api.acme.example.com"] });
        const unset = parsePlatformConfig({ ...dr, dr: undefined }, { today: TODAY });
        assert.equal(unset.cloud === "gcp" ? unset.dr : "aws", undefined);
        assert.deepEqual(problems({ ...dr, dr: { hostnames: [] } }), [["platform:dr.hostnames", "must list at least one name"]]);
        assert.deepEqual(problems({ ...dr, dr: { hostnames: ["App.acme.example.com"] } }), [
            ["platform:dr.hostnames[0]", "is not a lowercase host name"],
        ]);
        assert.deepEqual(problems({ ...dr, dr: {} }), [["platform:dr.hostnames", "required setting is missing"]]);
        assert.deepEqual(problems({ ...prod, dr: { hostnames: ["app.acme.example.com"] } }), [
            ["platform:dr.hostnames", "is only supported on gcp; this is an aws stack"],
        ]);
    });
});
