import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsNetwork, type AwsNetworkArgs } from "../../src/index.js";

/** The parts of an IAM policy document these tests read. */
interface PolicyJson {
    readonly Statement: ReadonlyArray<{ readonly Condition?: unknown; readonly Resource?: unknown }>;
}

const KEY = "arn:aws:kms:us-east-1:111111111111:key/logs";
const base: AwsNetworkArgs = {
    naming: { project: "acme", environment: "prod" },
    cidrBlock: "10.30.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    flowLogs: { retentionDays: 365, kmsKeyArn: KEY },
};

async function synth(args: AwsNetworkArgs, opts?: { protect?: boolean }): Promise<InventoryResource[]> {
    const result = await synthesize({ project: "test", stack: "prod", program: () => void new AwsNetwork("net", args, opts) });
    return result.resources;
}

function counts(resources: InventoryResource[]): Record<string, number> {
    return Object.fromEntries(countByType(resources).map(({ type, count }) => [type, count]));
}

const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE = "aws:ec2/route:Route";

describe("AwsNetwork", () => {
    it("prod profile (3 AZs, NAT per AZ): exact resource counts", async () => {
        const resources = await synth({ ...base, natGateways: "perAz" });
        assert.deepEqual(counts(resources), {
            "aws:cloudwatch/logGroup:LogGroup": 1,
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
            "aws:ec2/eip:Eip": 3,
            "aws:ec2/flowLog:FlowLog": 1,
            "aws:ec2/internetGateway:InternetGateway": 1,
            "aws:ec2/natGateway:NatGateway": 3,
            "aws:ec2/route:Route": 4,
            "aws:ec2/routeTable:RouteTable": 5,
            "aws:ec2/routeTableAssociation:RouteTableAssociation": 9,
            "aws:ec2/securityGroup:SecurityGroup": 1,
            "aws:ec2/subnet:Subnet": 9,
            "aws:ec2/vpc:Vpc": 1,
            "aws:ec2/vpcEndpoint:VpcEndpoint": 7,
            "aws:iam/role:Role": 1,
            "aws:iam/rolePolicy:RolePolicy": 1,
            "platform:network:AwsNetwork": 1,
            "pulumi:pulumi:Stack": 1,
        });
    });

    it("dev profile (2 AZs, single NAT): one NAT, both private tables route through it", async () => {
        const resources = await synth({ ...base, availabilityZones: ["us-east-1a", "us-east-1b"], natGateways: "single" });
        const nats = ofType(resources, "aws:ec2/natGateway:NatGateway");
        assert.equal(nats.length, 1);
        assert.equal(ofType(resources, "aws:ec2/eip:Eip").length, 1);
        assert.equal(ofType(resources, "aws:ec2/subnet:Subnet").length, 6);
        const natId = nats[0].id;
        assert.deepEqual(
            ["net-private-us-east-1a-egress", "net-private-us-east-1b-egress"].map(
                (n) => findResource(resources, ROUTE, n).inputs["natGatewayId"],
            ),
            [natId, natId],
        );
        assert.equal(nats[0].name, "net-nat-us-east-1a");
        assert.equal(nats[0].inputs["subnetId"], findResource(resources, SUBNET, "net-public-us-east-1a").id);
    });

    it("natGateways none: no NAT, no EIP, no private default route", async () => {
        const resources = await synth({ ...base, natGateways: "none" });
        assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 0);
        assert.equal(ofType(resources, "aws:ec2/eip:Eip").length, 0);
        assert.deepEqual(
            ofType(resources, "aws:ec2/route:Route").map((r) => r.name),
            ["net-public-internet"],
        );
    });

    it("natGateways unset defaults to perAz", async () => {
        const resources = await synth(base);
        assert.equal(ofType(resources, "aws:ec2/natGateway:NatGateway").length, 3);
    });

    it("subnets: exact CIDRs, AZs, tier and Kubernetes tags, no public IPs on launch", async () => {
        const resources = await synth({ ...base, clusterName: "acme-prod-eks" });
        const describe = (name: string) => {
            const s = findResource(resources, SUBNET, name);
            return {
                cidr: s.inputs["cidrBlock"],
                az: s.inputs["availabilityZone"],
                publicIp: s.inputs["mapPublicIpOnLaunch"],
                tags: s.inputs["tags"],
            };
        };
        assert.equal(ofType(resources, SUBNET).length, 9);
        assert.deepEqual(describe("net-public-us-east-1a"), {
            cidr: "10.30.192.0/21",
            az: "us-east-1a",
            publicIp: false,
            tags: {
                Name: "acme-prod-net-public-us-east-1a",
                tier: "public",
                "kubernetes.io/role/elb": "1",
                "kubernetes.io/cluster/acme-prod-eks": "shared",
            },
        });
        assert.deepEqual(describe("net-private-us-east-1b"), {
            cidr: "10.30.32.0/19",
            az: "us-east-1b",
            publicIp: false,
            tags: {
                Name: "acme-prod-net-private-us-east-1b",
                tier: "private",
                "kubernetes.io/role/internal-elb": "1",
                "kubernetes.io/cluster/acme-prod-eks": "shared",
            },
        });
        assert.deepEqual(describe("net-isolated-us-east-1c"), {
            cidr: "10.30.160.0/20",
            az: "us-east-1c",
            publicIp: false,
            tags: { Name: "acme-prod-net-isolated-us-east-1c", tier: "isolated" },
        });
    });

    it("mapPublicIpOnLaunch applies to public subnets only", async () => {
        const resources = await synth({ ...base, mapPublicIpOnLaunch: true });
        const flags = ofType(resources, "aws:ec2/subnet:Subnet").map((s) => [
            s.inputs["tags"] && (s.inputs["tags"] as Record<string, string>)["tier"],
            s.inputs["mapPublicIpOnLaunch"],
        ]);
        assert.deepEqual(
            flags.filter(([, v]) => v === true).map(([t]) => t),
            ["public", "public", "public"],
        );
    });

    it("VPC has DNS support and hostnames; default SG is adopted with no rules", async () => {
        const resources = await synth(base);
        const vpc = ofType(resources, "aws:ec2/vpc:Vpc")[0];
        assert.equal(vpc.inputs["enableDnsSupport"], true);
        assert.equal(vpc.inputs["enableDnsHostnames"], true);
        assert.equal(vpc.inputs["cidrBlock"], "10.30.0.0/16");
        const sg = ofType(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")[0];
        assert.deepEqual([sg.inputs["ingress"], sg.inputs["egress"], sg.inputs["vpcId"]], [[], [], vpc.id]);
    });

    it("flow logs: ALL traffic to a KMS-encrypted log group with retention, via a scoped role", async () => {
        const resources = await synth(base);
        const group = ofType(resources, "aws:cloudwatch/logGroup:LogGroup")[0];
        assert.deepEqual(
            [group.inputs["name"], group.inputs["retentionInDays"], group.inputs["kmsKeyId"]],
            ["/platform/acme-prod-net-vpc/flow-logs", 365, KEY],
        );
        const flowLog = ofType(resources, "aws:ec2/flowLog:FlowLog")[0];
        const vpc = ofType(resources, "aws:ec2/vpc:Vpc")[0];
        assert.deepEqual(
            [
                flowLog.inputs["vpcId"],
                flowLog.inputs["trafficType"],
                flowLog.inputs["logDestinationType"],
                flowLog.inputs["logDestination"],
                flowLog.inputs["maxAggregationInterval"],
            ],
            [vpc.id, "ALL", "cloud-watch-logs", group.outputs["arn"], 60],
        );
        const role = ofType(resources, "aws:iam/role:Role")[0];
        assert.deepEqual((JSON.parse(role.inputs["assumeRolePolicy"] as string) as PolicyJson).Statement[0].Condition, {
            StringEquals: { "aws:SourceAccount": "111111111111" },
        });
        const policy = JSON.parse(ofType(resources, "aws:iam/rolePolicy:RolePolicy")[0].inputs["policy"] as string) as PolicyJson;
        assert.deepEqual(policy.Statement[0].Resource, [group.outputs["arn"], `${group.outputs["arn"] as string}:*`]);
    });

    it("endpoints: gateway endpoints on private + isolated tables, interface endpoints in private subnets on 443", async () => {
        const resources = await synth(base);
        const endpoints = ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.deepEqual(endpoints.map((e) => [e.inputs["serviceName"], e.inputs["vpcEndpointType"]]).sort(), [
            ["com.amazonaws.us-east-1.dynamodb", "Gateway"],
            ["com.amazonaws.us-east-1.ecr.api", "Interface"],
            ["com.amazonaws.us-east-1.ecr.dkr", "Interface"],
            ["com.amazonaws.us-east-1.logs", "Interface"],
            ["com.amazonaws.us-east-1.s3", "Gateway"],
            ["com.amazonaws.us-east-1.secretsmanager", "Interface"],
            ["com.amazonaws.us-east-1.sts", "Interface"],
        ]);
        const table = (name: string) => findResource(resources, "aws:ec2/routeTable:RouteTable", name).id;
        const s3 = findResource(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", "net-s3");
        assert.deepEqual(s3.inputs["routeTableIds"], [
            table("net-private-us-east-1a"),
            table("net-private-us-east-1b"),
            table("net-private-us-east-1c"),
            table("net-isolated"),
        ]);
        const sts = findResource(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", "net-sts");
        const privateSubnetIds = ["a", "b", "c"].map((az) => findResource(resources, SUBNET, `net-private-us-east-1${az}`).id);
        assert.deepEqual(sts.inputs["subnetIds"], privateSubnetIds);
        assert.equal(sts.inputs["privateDnsEnabled"], true);
        const sg = ofType(resources, "aws:ec2/securityGroup:SecurityGroup")[0];
        assert.deepEqual(sts.inputs["securityGroupIds"], [sg.id]);
        assert.deepEqual(sg.inputs["ingress"], [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.30.0.0/16"], description: "HTTPS from the VPC" },
        ]);
        assert.deepEqual(sg.inputs["egress"], []);
    });

    it("custom endpoint lists replace the defaults", async () => {
        const resources = await synth({ ...base, interfaceEndpoints: ["sts"], gatewayEndpoints: [] });
        assert.deepEqual(
            ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.name),
            ["net-sts"],
        );
    });

    it("isolated subnets have no route out of the VPC", async () => {
        const resources = await synth(base);
        const isolated = findResource(resources, "aws:ec2/routeTable:RouteTable", "net-isolated");
        const routes = ofType(resources, "aws:ec2/route:Route").filter((r) => r.inputs["routeTableId"] === isolated.id);
        assert.deepEqual(routes, []);
    });

    it("every child is parented to the component", async () => {
        const resources = await synth(base);
        const component = ofType(resources, "platform:network:AwsNetwork")[0];
        const orphans = resources.filter((r) => r.custom && r.parent !== component.urn);
        assert.deepEqual(
            orphans.map((r) => r.name),
            [],
        );
    });

    it("physical names carry the component instance, so two networks never collide", async () => {
        const result = await synthesize({
            project: "test",
            stack: "prod",
            program: () => {
                new AwsNetwork("blue", base);
                new AwsNetwork("green", { ...base, cidrBlock: "10.31.0.0/16" });
            },
        });
        const physical = (type: string, read: (r: InventoryResource) => unknown) => ofType(result.resources, type).map(read);
        assert.deepEqual(
            physical("aws:cloudwatch/logGroup:LogGroup", (r) => r.inputs["name"]),
            ["/platform/acme-prod-blue-vpc/flow-logs", "/platform/acme-prod-green-vpc/flow-logs"],
        );
        assert.deepEqual(
            physical("aws:iam/role:Role", (r) => r.inputs["name"]),
            ["acme-prod-blue-flow-logs", "acme-prod-green-flow-logs"],
        );
        assert.deepEqual(
            physical("aws:ec2/vpc:Vpc", (r) => (r.inputs["tags"] as Record<string, string>)["Name"]),
            ["acme-prod-blue-vpc", "acme-prod-green-vpc"],
        );
    });

    it("protection: unset protects nothing; { protect: true } protects every child and retains the flow log group", async () => {
        const open = await synth(base);
        assert.deepEqual(
            open.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name),
            [],
        );
        const guarded = await synth(base, { protect: true });
        assert.deepEqual(
            guarded.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.protect).map((r) => r.name),
            [],
        );
        assert.deepEqual(
            guarded.filter((r) => r.retainOnDelete).map((r) => r.type),
            ["aws:cloudwatch/logGroup:LogGroup"],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsNetworkArgs>, Array<[string, string]>]> = [
            ["bad naming part", { naming: { project: "Acme", environment: "prod" } }, [["naming.project", "is not a name segment"]]],
            ["malformed CIDR", { cidrBlock: "10.30.0.0/33" }, [["cidrBlock", "prefix /33 is above /32"]]],
            [
                "non-canonical CIDR",
                { cidrBlock: "010.030.000.000/16" },
                [["cidrBlock", "not in canonical form (no leading zeros); write 10.30.0.0/16"]],
            ],
            [
                "public address space",
                { cidrBlock: "100.30.0.0/16" },
                [["cidrBlock", "is not private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)"]],
            ],
            ["CIDR too large", { cidrBlock: "10.0.0.0/12" }, [["cidrBlock", "prefix /12 is outside the supported /16../23"]]],
            ["no AZs", { availabilityZones: [] }, [["availabilityZones", "0 zone(s) listed but a VPC needs at least one"]]],
            [
                "five AZs",
                { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e"] },
                [["availabilityZones", "5 zones listed; at most 4 are supported"]],
            ],
            ["malformed AZ", { availabilityZones: ["us-east-1"] }, [["availabilityZones", "us-east-1 is not a zone name"]]],
            ["duplicate AZ", { availabilityZones: ["us-east-1a", "us-east-1a"] }, [["availabilityZones", "us-east-1a listed twice"]]],
            ["unknown NAT strategy", { natGateways: "two" as never }, [["natGateways", "is not an allowed value"]]],
            [
                "bad retention",
                { flowLogs: { retentionDays: 10, kmsKeyArn: KEY } },
                [["flowLogs.retentionDays", "is not a retention CloudWatch Logs accepts"]],
            ],
            ["unknown endpoint", { interfaceEndpoints: ["s3express" as never] }, [["interfaceEndpoints", "unsupported service"]]],
            ["unknown gateway endpoint", { gatewayEndpoints: ["sqs" as never] }, [["gatewayEndpoints", "unsupported service"]]],
            ["duplicate endpoint", { interfaceEndpoints: ["sts", "sts"] }, [["interfaceEndpoints", '"sts" listed twice']]],
            ["bad cluster name", { clusterName: "-bad" }, [["clusterName", "is not a valid EKS cluster name"]]],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }

        it("lists every problem at once, in the one error format", async () => {
            await assert.rejects(
                synth({ ...base, cidrBlock: "8.8.8.0/24", natGateways: "two" as never }),
                (err: Error) =>
                    err.message ===
                    [
                        'Invalid arguments for platform:network:AwsNetwork "net" (3 problems):',
                        '  - cidrBlock = "8.8.8.0/24": is not private address space (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16). Fix: choose a block inside RFC 1918, e.g. 10.20.0.0/16',
                        '  - cidrBlock = "8.8.8.0/24": prefix /24 is outside the supported /16../23. Fix: use a block from /16 to /23, e.g. 10.20.0.0/16',
                        '  - natGateways = "two": is not an allowed value. Fix: use one of none, single, perAz',
                    ].join("\n"),
            );
        });

        it("rejects a component name that cannot be part of a physical name", async () => {
            const issues = await rejectedIssues(
                synthesize({ project: "test", stack: "prod", program: () => void new AwsNetwork("Net_1", base) }),
            );
            assert.deepEqual(fieldsAndProblems(issues), [["name", "is not a name segment (it becomes part of every physical name)"]]);
        });
    });
});
