import * as assert from "node:assert/strict";
import {
    DEFAULT_HEALTH_CHECK_PORTS,
    internalSourceRanges,
    planGcpFirewall,
    planGcpSubnets,
    privateServiceAccessAllocation,
} from "../../src/index.js";

const TWO_REGIONS = [
    { region: "us-west1", cidr: "10.40.0.0/16" },
    { region: "us-east4", cidr: "10.41.0.0/16" },
];

describe("planGcpSubnets", () => {
    it("carves 10.40.0.0/16 into nodes, pods and services exactly", () => {
        assert.deepEqual(planGcpSubnets([{ region: "us-west1", cidr: "10.40.0.0/16" }]), [
            {
                region: "us-west1",
                regionCidr: "10.40.0.0/16",
                ipCidrRange: "10.40.0.0/20",
                secondaryIpRanges: [
                    { rangeName: "pods", ipCidrRange: "10.40.64.0/18" },
                    { rangeName: "services", ipCidrRange: "10.40.16.0/20" },
                ],
                ranges: {
                    nodes: "10.40.0.0/20",
                    services: "10.40.16.0/20",
                    proxyOnly: "10.40.32.0/20",
                    privateServiceAccess: "10.40.48.0/20",
                    pods: "10.40.64.0/18",
                },
            },
        ]);
    });

    it("plans each region from its own range, in the order given", () => {
        const plan = planGcpSubnets(TWO_REGIONS);
        assert.deepEqual(
            plan.map((s) => [s.region, s.ipCidrRange, s.secondaryIpRanges.map((r) => `${r.rangeName}=${r.ipCidrRange}`)]),
            [
                ["us-west1", "10.40.0.0/20", ["pods=10.40.64.0/18", "services=10.40.16.0/20"]],
                ["us-east4", "10.41.0.0/20", ["pods=10.41.64.0/18", "services=10.41.16.0/20"]],
            ],
        );
    });

    it("never renumbers a region when another is added", () => {
        const one = planGcpSubnets([TWO_REGIONS[0]]);
        const two = planGcpSubnets(TWO_REGIONS);
        assert.deepEqual(two[0], one[0]);
    });

    it("scales the carve with the prefix (a /20 region)", () => {
        const [spec] = planGcpSubnets([{ region: "europe-west4", cidr: "172.16.16.0/20" }]);
        assert.equal(spec.ipCidrRange, "172.16.16.0/24");
        assert.deepEqual(spec.secondaryIpRanges, [
            { rangeName: "pods", ipCidrRange: "172.16.20.0/22" },
            { rangeName: "services", ipCidrRange: "172.16.17.0/24" },
        ]);
    });
});

describe("privateServiceAccessAllocation", () => {
    it("is the primary region's private service access range as address + prefix length", () => {
        const plan = planGcpSubnets(TWO_REGIONS);
        assert.deepEqual(privateServiceAccessAllocation(plan[0]), { address: "10.40.48.0", prefixLength: 20 });
    });
});

describe("planGcpFirewall", () => {
    it("gives the exact rule list for a 2-region network", () => {
        const rules = planGcpFirewall({
            subnets: planGcpSubnets(TWO_REGIONS),
            allowIapSsh: true,
            healthCheckPorts: DEFAULT_HEALTH_CHECK_PORTS,
        });
        assert.deepEqual(rules, [
            {
                key: "deny-all-ingress",
                description: "Deny and log all ingress not allowed by a higher-priority rule",
                direction: "INGRESS",
                priority: 65534,
                sourceRanges: ["0.0.0.0/0"],
                allows: [],
                denies: [{ protocol: "all" }],
            },
            {
                key: "allow-internal",
                description: "Allow traffic between the network's nodes, pods and services ranges in every region",
                direction: "INGRESS",
                priority: 1000,
                sourceRanges: ["10.40.0.0/20", "10.40.64.0/18", "10.40.16.0/20", "10.41.0.0/20", "10.41.64.0/18", "10.41.16.0/20"],
                allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
                denies: [],
            },
            {
                key: "allow-health-checks",
                description: "Allow Google Cloud load balancer health checks to the health-check ports",
                direction: "INGRESS",
                priority: 1000,
                sourceRanges: ["35.191.0.0/16", "130.211.0.0/22"],
                allows: [{ protocol: "tcp", ports: ["80", "443", "8080", "15021"] }],
                denies: [],
            },
            {
                key: "allow-iap-ssh",
                description: "Allow SSH through Identity-Aware Proxy TCP forwarding only",
                direction: "INGRESS",
                priority: 1000,
                sourceRanges: ["35.235.240.0/20"],
                allows: [{ protocol: "tcp", ports: ["22"] }],
                denies: [],
            },
        ]);
    });

    it("leaves out the IAP rule when allowIapSsh is false and uses the given health-check ports", () => {
        const rules = planGcpFirewall({ subnets: planGcpSubnets([TWO_REGIONS[0]]), allowIapSsh: false, healthCheckPorts: [8443] });
        assert.deepEqual(
            rules.map((r) => r.key),
            ["deny-all-ingress", "allow-internal", "allow-health-checks"],
        );
        assert.deepEqual(rules[2].allows, [{ protocol: "tcp", ports: ["8443"] }]);
    });

    it("opens nothing to 0.0.0.0/0 except the deny rule", () => {
        const rules = planGcpFirewall({ subnets: planGcpSubnets(TWO_REGIONS), allowIapSsh: true, healthCheckPorts: [80] });
        assert.deepEqual(
            rules.filter((r) => r.sourceRanges.includes("0.0.0.0/0")).map((r) => [r.key, r.allows.length]),
            [["deny-all-ingress", 0]],
        );
    });

    it("lists internal source ranges region by region: nodes, pods, services", () => {
        assert.deepEqual(internalSourceRanges(planGcpSubnets([TWO_REGIONS[1]])), ["10.41.0.0/20", "10.41.64.0/18", "10.41.16.0/20"]);
    });
});
