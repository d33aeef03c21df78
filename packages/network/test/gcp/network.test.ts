import * as assert from "node:assert/strict";
import { countByType, type InventoryResource, ofType, rejectedIssues, synthesize, type SynthesisResult } from "@platform/synth";
import { describeValue } from "@platform/core";
import { GcpNetwork, type GcpNetworkArgs } from "../../src/index.js";

const COMPONENT = "platform:network:GcpNetwork";
const NETWORK = "gcp:compute/network:Network";
const SUBNET = "gcp:compute/subnetwork:Subnetwork";
const ROUTER = "gcp:compute/router:Router";
const NAT = "gcp:compute/routerNat:RouterNat";
const FIREWALL = "gcp:compute/firewall:Firewall";
const ADDRESS = "gcp:compute/globalAddress:GlobalAddress";
const CONNECTION = "gcp:servicenetworking/connection:Connection";

const NETWORK_ID = "projects/acme-dr-prod/global/networks/acme-dr-dr-net-vpc";
const NETWORK_SELF_LINK = `https://www.googleapis.com/compute/v1/${NETWORK_ID}`;

const ONE_REGION: GcpNetworkArgs = {
    project: "acme-dr-prod",
    naming: { project: "acme", environment: "dr" },
    regions: [{ region: "us-west1", cidr: "10.40.0.0/16" }],
};
const TWO_REGIONS: GcpNetworkArgs = {
    ...ONE_REGION,
    regions: [
        { region: "us-west1", cidr: "10.40.0.0/16" },
        { region: "us-east4", cidr: "10.41.0.0/16" },
    ],
};

function synth(args: GcpNetworkArgs, name = "dr-net"): Promise<SynthesisResult> {
    return synthesize({
        project: "platform",
        stack: "test",
        program: () => {
            const net = new GcpNetwork(name, args);
            return {
                networkId: net.networkId,
                networkSelfLink: net.networkSelfLink,
                subnetSelfLinks: net.subnetSelfLinks,
                podRangeName: net.podRangeName,
                serviceRangeName: net.serviceRangeName,
                privateServiceAccessRange: net.privateServiceAccessRange ?? "(none)",
                privateServiceAccessCidr: net.privateServiceAccessCidr ?? "(none)",
                routerRegions: Object.keys(net.routers),
                natRegions: Object.keys(net.nats),
                subnetRegions: Object.keys(net.subnets),
                firewallKeys: Object.keys(net.firewallRules),
            };
        },
    });
}

function one(resources: readonly InventoryResource[], type: string, name: string): InventoryResource {
    const found = resources.filter((r) => r.type === type && r.name === name);
    assert.equal(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
    return found[0];
}

/** The component rejects `args` with exactly one issue: on `field`, showing `value`, whose problem contains `problem`. */
async function rejectsArgument(args: unknown, field: string, value: string, problem: string): Promise<void> {
    const issues = await rejectedIssues(synth(args as GcpNetworkArgs));
    assert.deepEqual(
        issues.map((i) => [i.field, describeValue(i.value)]),
        [[field, value]],
    );
    assert.ok(issues[0].problem.includes(problem), `${issues[0].problem} should contain ${problem}`);
    assert.ok(issues[0].fix.length > 0);
}

describe("GcpNetwork", () => {
    describe("resources", () => {
        it("creates exactly one of each per-region resource for one region", async () => {
            const { resources } = await synth(ONE_REGION);
            assert.deepEqual(countByType(resources), [
                { type: FIREWALL, count: 4 },
                { type: ADDRESS, count: 1 },
                { type: NETWORK, count: 1 },
                { type: ROUTER, count: 1 },
                { type: NAT, count: 1 },
                { type: SUBNET, count: 1 },
                { type: CONNECTION, count: 1 },
                { type: COMPONENT, count: 1 },
                { type: "pulumi:pulumi:Stack", count: 1 },
            ]);
        });

        it("creates a subnet, router and NAT per region for two regions, and one network", async () => {
            const { resources, outputs } = await synth(TWO_REGIONS);
            assert.deepEqual(countByType(resources), [
                { type: FIREWALL, count: 4 },
                { type: ADDRESS, count: 1 },
                { type: NETWORK, count: 1 },
                { type: ROUTER, count: 2 },
                { type: NAT, count: 2 },
                { type: SUBNET, count: 2 },
                { type: CONNECTION, count: 1 },
                { type: COMPONENT, count: 1 },
                { type: "pulumi:pulumi:Stack", count: 1 },
            ]);
            assert.deepEqual(outputs["subnetRegions"], ["us-west1", "us-east4"]);
            assert.deepEqual(outputs["routerRegions"], ["us-west1", "us-east4"]);
            assert.deepEqual(outputs["natRegions"], ["us-west1", "us-east4"]);
            assert.deepEqual(outputs["firewallKeys"], ["deny-all-ingress", "allow-internal", "allow-health-checks", "allow-iap-ssh"]);
        });

        it("parents every child on the component and derives child names from the component name", async () => {
            const { resources } = await synth(TWO_REGIONS, "blue");
            const component = one(resources, COMPONENT, "blue");
            const children = resources.filter((r) => r.custom);
            assert.equal(children.length, 13);
            for (const child of children) {
                assert.equal(child.parent, component.urn, child.urn);
                assert.ok(child.name.startsWith("blue-"), child.name);
                assert.equal(child.protect, false, child.urn);
                assert.equal(child.retainOnDelete, false, child.urn);
            }
            assert.deepEqual(children.map((c) => c.name).sort(), [
                "blue-fw-allow-health-checks",
                "blue-fw-allow-iap-ssh",
                "blue-fw-allow-internal",
                "blue-fw-deny-all-ingress",
                "blue-nat-us-east4",
                "blue-nat-us-west1",
                "blue-psa-connection",
                "blue-psa-range",
                "blue-router-us-east4",
                "blue-router-us-west1",
                "blue-subnet-us-east4",
                "blue-subnet-us-west1",
                "blue-vpc",
            ]);
        });
    });

    describe("child inputs", () => {
        it("creates a custom-mode, global-routing network that keeps its default routes", async () => {
            const { resources } = await synth(ONE_REGION);
            assert.deepEqual(one(resources, NETWORK, "dr-net-vpc").inputs, {
                project: "acme-dr-prod",
                name: "acme-dr-dr-net-vpc",
                description: "Platform VPC (custom mode, global routing)",
                autoCreateSubnetworks: false,
                routingMode: "GLOBAL",
                deleteDefaultRoutesOnCreate: false,
            });
        });

        it("gives each subnet the planned ranges, Private Google Access and default flow logs", async () => {
            const { resources } = await synth(TWO_REGIONS);
            assert.deepEqual(one(resources, SUBNET, "dr-net-subnet-us-west1").inputs, {
                project: "acme-dr-prod",
                region: "us-west1",
                name: "acme-dr-dr-net-subnet-us-west1",
                description: "Regional subnet for us-west1 (nodes; pods and services secondary ranges)",
                network: NETWORK_ID,
                ipCidrRange: "10.40.0.0/20",
                secondaryIpRanges: [
                    { rangeName: "pods", ipCidrRange: "10.40.64.0/18" },
                    { rangeName: "services", ipCidrRange: "10.40.16.0/20" },
                ],
                privateIpGoogleAccess: true,
                logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
            });
            const east = one(resources, SUBNET, "dr-net-subnet-us-east4").inputs;
            assert.equal(east["ipCidrRange"], "10.41.0.0/20");
            assert.deepEqual(east["secondaryIpRanges"], [
                { rangeName: "pods", ipCidrRange: "10.41.64.0/18" },
                { rangeName: "services", ipCidrRange: "10.41.16.0/20" },
            ]);
            assert.equal(east["privateIpGoogleAccess"], true);
        });

        it("creates one Cloud Router and one Cloud NAT per region, NAT scoped to that region's subnet, logging errors", async () => {
            const { resources } = await synth(TWO_REGIONS);
            assert.deepEqual(one(resources, ROUTER, "dr-net-router-us-east4").inputs, {
                project: "acme-dr-prod",
                region: "us-east4",
                name: "acme-dr-dr-net-router-us-east4",
                description: "Cloud Router for Cloud NAT in us-east4",
                network: NETWORK_ID,
            });
            assert.deepEqual(one(resources, NAT, "dr-net-nat-us-east4").inputs, {
                project: "acme-dr-prod",
                region: "us-east4",
                name: "acme-dr-dr-net-nat-us-east4",
                router: "acme-dr-dr-net-router-us-east4",
                natIpAllocateOption: "AUTO_ONLY",
                sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
                subnetworks: [
                    {
                        name: "projects/acme-dr-prod/regions/us-east4/subnetworks/acme-dr-dr-net-subnet-us-east4",
                        sourceIpRangesToNats: ["ALL_IP_RANGES"],
                    },
                ],
                logConfig: { enable: true, filter: "ERRORS_ONLY" },
            });
            assert.deepEqual(
                ofType(resources, NAT)
                    .map((n) => [n.inputs["region"], n.inputs["router"]])
                    .sort(),
                [
                    ["us-east4", "acme-dr-dr-net-router-us-east4"],
                    ["us-west1", "acme-dr-dr-net-router-us-west1"],
                ],
            );
        });

        it("adds a logged deny-all ingress rule at priority 65534", async () => {
            const { resources } = await synth(ONE_REGION);
            assert.deepEqual(one(resources, FIREWALL, "dr-net-fw-deny-all-ingress").inputs, {
                project: "acme-dr-prod",
                name: "acme-dr-dr-net-fw-deny-all-ingress",
                description: "Deny and log all ingress not allowed by a higher-priority rule",
                network: NETWORK_ID,
                direction: "INGRESS",
                priority: 65534,
                sourceRanges: ["0.0.0.0/0"],
                denies: [{ protocol: "all" }],
                logConfig: { metadata: "INCLUDE_ALL_METADATA" },
            });
        });

        it("allows internal traffic from every region's nodes, pods and services ranges", async () => {
            const { resources } = await synth(TWO_REGIONS);
            const internal = one(resources, FIREWALL, "dr-net-fw-allow-internal").inputs;
            assert.deepEqual(internal["sourceRanges"], [
                "10.40.0.0/20",
                "10.40.64.0/18",
                "10.40.16.0/20",
                "10.41.0.0/20",
                "10.41.64.0/18",
                "10.41.16.0/20",
            ]);
            assert.deepEqual(internal["allows"], [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }]);
            assert.equal(internal["priority"], 1000);
            assert.equal(internal["denies"], undefined);
        });

        it("allows Google health checks to the default ports and IAP to SSH only", async () => {
            const { resources } = await synth(ONE_REGION);
            const health = one(resources, FIREWALL, "dr-net-fw-allow-health-checks").inputs;
            assert.deepEqual(health["sourceRanges"], ["35.191.0.0/16", "130.211.0.0/22"]);
            assert.deepEqual(health["allows"], [{ protocol: "tcp", ports: ["80", "443", "8080", "15021"] }]);
            assert.deepEqual(one(resources, FIREWALL, "dr-net-fw-allow-iap-ssh").inputs, {
                project: "acme-dr-prod",
                name: "acme-dr-dr-net-fw-allow-iap-ssh",
                description: "Allow SSH through Identity-Aware Proxy TCP forwarding only",
                network: NETWORK_ID,
                direction: "INGRESS",
                priority: 1000,
                sourceRanges: ["35.235.240.0/20"],
                allows: [{ protocol: "tcp", ports: ["22"] }],
                logConfig: { metadata: "INCLUDE_ALL_METADATA" },
            });
        });

        it("logs every firewall rule's matches", async () => {
            const { resources } = await synth(TWO_REGIONS);
            for (const rule of ofType(resources, FIREWALL)) {
                assert.deepEqual(rule.inputs["logConfig"], { metadata: "INCLUDE_ALL_METADATA" }, rule.name);
            }
        });

        it("peers private service access from the primary region's range", async () => {
            const { resources } = await synth(TWO_REGIONS);
            assert.deepEqual(one(resources, ADDRESS, "dr-net-psa-range").inputs, {
                project: "acme-dr-prod",
                name: "acme-dr-dr-net-psa",
                description: "Private service access allocation (Cloud SQL, Memorystore)",
                purpose: "VPC_PEERING",
                addressType: "INTERNAL",
                address: "10.40.48.0",
                prefixLength: 20,
                network: NETWORK_ID,
            });
            assert.deepEqual(one(resources, CONNECTION, "dr-net-psa-connection").inputs, {
                network: NETWORK_ID,
                service: "servicenetworking.googleapis.com",
                reservedPeeringRanges: ["acme-dr-dr-net-psa"],
            });
        });
    });

    describe("outputs", () => {
        it("exposes ids, self links by region, range names and the private service access range", async () => {
            const { outputs } = await synth(TWO_REGIONS);
            assert.deepEqual(outputs, {
                networkId: NETWORK_ID,
                networkSelfLink: NETWORK_SELF_LINK,
                subnetSelfLinks: {
                    "us-west1":
                        "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/regions/us-west1/subnetworks/acme-dr-dr-net-subnet-us-west1",
                    "us-east4":
                        "https://www.googleapis.com/compute/v1/projects/acme-dr-prod/regions/us-east4/subnetworks/acme-dr-dr-net-subnet-us-east4",
                },
                podRangeName: "pods",
                serviceRangeName: "services",
                privateServiceAccessRange: "acme-dr-dr-net-psa",
                privateServiceAccessCidr: "10.40.48.0/20",
                routerRegions: ["us-west1", "us-east4"],
                natRegions: ["us-west1", "us-east4"],
                subnetRegions: ["us-west1", "us-east4"],
                firewallKeys: ["deny-all-ingress", "allow-internal", "allow-health-checks", "allow-iap-ssh"],
            });
        });
    });

    describe("options", () => {
        it("egress none: no routers and no NATs", async () => {
            const { resources, outputs } = await synth({ ...TWO_REGIONS, egress: "none" });
            assert.equal(ofType(resources, ROUTER).length, 0);
            assert.equal(ofType(resources, NAT).length, 0);
            assert.equal(ofType(resources, SUBNET).length, 2);
            assert.deepEqual(outputs["routerRegions"], []);
            assert.deepEqual(outputs["natRegions"], []);
        });

        it("egress cloudNat given explicitly is the default", async () => {
            const explicit = await synth({ ...ONE_REGION, egress: "cloudNat" });
            const unset = await synth(ONE_REGION);
            assert.deepEqual(
                explicit.resources.map((r) => [r.urn, r.inputs]),
                unset.resources.map((r) => [r.urn, r.inputs]),
            );
        });

        it("allowIapSsh false: no IAP rule, the other three stay", async () => {
            const { resources } = await synth({ ...ONE_REGION, firewall: { allowIapSsh: false } });
            assert.deepEqual(
                ofType(resources, FIREWALL)
                    .map((r) => r.name)
                    .sort(),
                ["dr-net-fw-allow-health-checks", "dr-net-fw-allow-internal", "dr-net-fw-deny-all-ingress"],
            );
        });

        it("healthCheckPorts replaces the default ports and keeps the IAP rule", async () => {
            const { resources } = await synth({ ...ONE_REGION, firewall: { healthCheckPorts: [8443, 10256] } });
            assert.deepEqual(one(resources, FIREWALL, "dr-net-fw-allow-health-checks").inputs["allows"], [
                { protocol: "tcp", ports: ["8443", "10256"] },
            ]);
            assert.equal(ofType(resources, FIREWALL).length, 4);
        });

        it("privateServiceAccess false: no allocation, no peering, no range output", async () => {
            const { resources, outputs } = await synth({ ...ONE_REGION, privateServiceAccess: false });
            assert.equal(ofType(resources, ADDRESS).length, 0);
            assert.equal(ofType(resources, CONNECTION).length, 0);
            assert.equal(outputs["privateServiceAccessRange"], "(none)");
            assert.equal(outputs["privateServiceAccessCidr"], "(none)");
        });

        it("flowLogs overrides apply field by field; unset fields keep their defaults", async () => {
            const { resources } = await synth({
                ...ONE_REGION,
                flowLogs: { aggregationInterval: "INTERVAL_1_MIN", flowSampling: undefined },
            });
            assert.deepEqual(one(resources, SUBNET, "dr-net-subnet-us-west1").inputs["logConfig"], {
                aggregationInterval: "INTERVAL_1_MIN",
                flowSampling: 0.5,
                metadata: "INCLUDE_ALL_METADATA",
            });
            const all = await synth({
                ...ONE_REGION,
                flowLogs: { aggregationInterval: "INTERVAL_10_MIN", flowSampling: 1, metadata: "EXCLUDE_ALL_METADATA" },
            });
            assert.deepEqual(one(all.resources, SUBNET, "dr-net-subnet-us-west1").inputs["logConfig"], {
                aggregationInterval: "INTERVAL_10_MIN",
                flowSampling: 1,
                metadata: "EXCLUDE_ALL_METADATA",
            });
        });

        it("empty flowLogs and firewall objects mean the defaults", async () => {
            const empty = await synth({ ...ONE_REGION, flowLogs: {}, firewall: {} });
            const unset = await synth(ONE_REGION);
            assert.deepEqual(
                empty.resources.map((r) => [r.urn, r.inputs]),
                unset.resources.map((r) => [r.urn, r.inputs]),
            );
        });
    });

    describe("bad arguments", () => {
        it("project that is not a GCP project id", async () => {
            await rejectsArgument({ ...ONE_REGION, project: "Acme" }, "project", '"Acme"', "not a GCP project id");
        });

        it("naming.project that is not a name segment", async () => {
            await rejectsArgument(
                { ...ONE_REGION, naming: { project: "Acme Corp", environment: "dr" } },
                "naming.project",
                '"Acme Corp"',
                "not a name segment",
            );
        });

        it("naming.environment that is missing", async () => {
            await rejectsArgument({ ...ONE_REGION, naming: { project: "acme" } }, "naming.environment", "(unset)", "not a name segment");
        });

        it("no regions", async () => {
            await rejectsArgument({ ...ONE_REGION, regions: [] }, "regions", "[]", "no region given");
        });

        it("a malformed region name", async () => {
            await rejectsArgument(
                {
                    ...ONE_REGION,
                    regions: [
                        { region: "us-west1", cidr: "10.40.0.0/16" },
                        { region: "US_EAST4", cidr: "10.41.0.0/16" },
                    ],
                },
                "regions[1].region",
                '"US_EAST4"',
                "is not a GCP region",
            );
        });

        it("a zone given as a region", async () => {
            await rejectsArgument(
                { ...ONE_REGION, regions: [{ region: "us-west1-a", cidr: "10.40.0.0/16" }] },
                "regions[0].region",
                '"us-west1-a"',
                "is not a GCP region",
            );
        });

        it("a duplicate region", async () => {
            await rejectsArgument(
                {
                    ...ONE_REGION,
                    regions: [
                        { region: "us-west1", cidr: "10.40.0.0/16" },
                        { region: "us-west1", cidr: "10.41.0.0/16" },
                    ],
                },
                "regions[1].region",
                '"us-west1"',
                "repeats regions[0].region",
            );
        });

        it("a CIDR that does not parse", async () => {
            await rejectsArgument(
                { ...ONE_REGION, regions: [{ region: "us-west1", cidr: "10.40.0.0" }] },
                "regions[0].cidr",
                '"10.40.0.0"',
                "expected the form a.b.c.d/n",
            );
        });

        it("a CIDR with host bits set", async () => {
            await rejectsArgument(
                { ...ONE_REGION, regions: [{ region: "us-west1", cidr: "10.40.1.0/16" }] },
                "regions[0].cidr",
                '"10.40.1.0/16"',
                "host bits are set",
            );
        });

        it("a CIDR too small for the regional plan", async () => {
            await rejectsArgument(
                { ...ONE_REGION, regions: [{ region: "us-west1", cidr: "10.40.0.0/24" }] },
                "regions[0].cidr",
                '"10.40.0.0/24"',
                "prefix /24 is outside the supported /8../20",
            );
        });

        it("overlapping regional ranges", async () => {
            await rejectsArgument(
                {
                    ...ONE_REGION,
                    regions: [
                        { region: "us-west1", cidr: "10.40.0.0/16" },
                        { region: "us-east4", cidr: "10.40.128.0/17" },
                    ],
                },
                "regions[1].cidr",
                '"10.40.128.0/17"',
                "overlaps regions[0].cidr (10.40.0.0/16)",
            );
        });

        it("an unknown egress mode", async () => {
            await rejectsArgument({ ...ONE_REGION, egress: "perRegion" }, "egress", '"perRegion"', "is not an allowed value");
        });

        it("an unknown flow log aggregation interval", async () => {
            await rejectsArgument(
                { ...ONE_REGION, flowLogs: { aggregationInterval: "INTERVAL_2_MIN" } },
                "flowLogs.aggregationInterval",
                '"INTERVAL_2_MIN"',
                "is not an allowed value",
            );
        });

        it("flow sampling of 0 (would disable flow logs)", async () => {
            await rejectsArgument(
                { ...ONE_REGION, flowLogs: { flowSampling: 0 } },
                "flowLogs.flowSampling",
                "0",
                "greater than 0 and at most 1",
            );
        });

        it("flow sampling above 1", async () => {
            await rejectsArgument(
                { ...ONE_REGION, flowLogs: { flowSampling: 1.5 } },
                "flowLogs.flowSampling",
                "1.5",
                "greater than 0 and at most 1",
            );
        });

        it("an unsupported flow log metadata mode", async () => {
            await rejectsArgument(
                { ...ONE_REGION, flowLogs: { metadata: "CUSTOM_METADATA" } },
                "flowLogs.metadata",
                '"CUSTOM_METADATA"',
                "is not an allowed value",
            );
        });

        it("an empty health-check port list", async () => {
            await rejectsArgument(
                { ...ONE_REGION, firewall: { healthCheckPorts: [] } },
                "firewall.healthCheckPorts",
                "[]",
                "would allow health checks to every port",
            );
        });

        it("port 0", async () => {
            await rejectsArgument(
                { ...ONE_REGION, firewall: { healthCheckPorts: [80, 0] } },
                "firewall.healthCheckPorts[1]",
                "0",
                "not a port number",
            );
        });

        it("port 65536", async () => {
            await rejectsArgument(
                { ...ONE_REGION, firewall: { healthCheckPorts: [65536] } },
                "firewall.healthCheckPorts[0]",
                "65536",
                "not a port number",
            );
        });

        it("a fractional port", async () => {
            await rejectsArgument(
                { ...ONE_REGION, firewall: { healthCheckPorts: [80.5] } },
                "firewall.healthCheckPorts[0]",
                "80.5",
                "not a port number",
            );
        });

        it("a port listed twice", async () => {
            await rejectsArgument(
                { ...ONE_REGION, firewall: { healthCheckPorts: [80, 443, 80] } },
                "firewall.healthCheckPorts[2]",
                "80",
                "listed twice",
            );
        });
    });
});
