/**
 * AwsNetwork: a VPC laid out the way a platform team runs EKS and managed data services.
 *
 * - Three tiers per AZ: public (load balancers, NAT), private (workloads), isolated (data, no
 *   route out of the VPC). CIDRs come from a fixed slot plan, so adding an AZ never renumbers.
 * - NAT gateways: none, one, or one per AZ (no cross-AZ dependency for egress).
 * - VPC flow logs to a KMS-encrypted CloudWatch log group with retention.
 * - The default security group is adopted and emptied, so nothing can use it by accident.
 * - Gateway endpoints (S3, DynamoDB) and interface endpoints in the private subnets.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import {
    AWS_VPC_PREFIX_RANGE,
    checkEksClusterName,
    checkLogRetentionDays,
    checkOneOf,
    checkPrivateNetworkCidr,
    checkUnique,
    checkZones,
    type ComponentNaming,
    type Issue,
    MAX_AZ_SLOTS,
    NAT_GATEWAY_STRATEGIES,
    type NatGatewayStrategy,
    PlatformComponent,
    type SubnetTier,
} from "@platform/core";
import {
    DEFAULT_INTERFACE_ENDPOINTS,
    endpointServiceName,
    endpointSuffix,
    GATEWAY_ENDPOINT_SERVICES,
    type GatewayEndpointService,
    INTERFACE_ENDPOINT_SERVICES,
    type InterfaceEndpointService,
} from "./endpoints.js";
import { kubernetesSubnetTags, planAwsNetwork, type SubnetSpec } from "./plan.js";

export interface AwsFlowLogArgs {
    /**
     * CloudWatch retention for flow logs, in days (one of CloudWatch's accepted values).
     * Unbounded retention is a cost and compliance problem, so there is no default: the profile sets it.
     */
    readonly retentionDays: number;
    /** ARN of the customer-managed KMS key encrypting the log group (the `logs` key). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Aggregation interval in seconds: 60 gives near-real-time investigation, 600 is cheaper.
     * @default 60
     */
    readonly maxAggregationInterval?: 60 | 600;
}

export interface AwsNetworkArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /**
     * The VPC CIDR: private (RFC 1918) space, /16 to /23, in canonical form. Subnets are carved
     * from it by a fixed per-AZ slot plan.
     */
    readonly cidrBlock: string;
    /**
     * AZ names in slot order (e.g. `us-east-1a`). Plain values: the number of AZs decides how many
     * subnets, NAT gateways and route tables exist. Up to 4.
     */
    readonly availabilityZones: readonly string[];
    /**
     * Egress for private subnets: `perAz` (production: an AZ outage never cuts another AZ's egress),
     * `single` (dev: one NAT, cross-AZ traffic and a single point of failure), `none` (no egress).
     * @default "perAz"
     */
    readonly natGateways?: NatGatewayStrategy;
    /** VPC flow logs (mandatory: investigations and the `aws-vpc-flow-logs` policy depend on them). */
    readonly flowLogs: AwsFlowLogArgs;
    /**
     * Interface endpoints in the private subnets, reachable on 443 from the VPC only.
     * @default ["ecr.api", "ecr.dkr", "sts", "logs", "secretsmanager"]
     */
    readonly interfaceEndpoints?: readonly InterfaceEndpointService[];
    /**
     * Gateway endpoints attached to the private and isolated route tables.
     * @default ["s3", "dynamodb"]
     */
    readonly gatewayEndpoints?: readonly GatewayEndpointService[];
    /**
     * EKS cluster name for `kubernetes.io/cluster/<name>: shared` subnet tags. The
     * `kubernetes.io/role/elb` / `internal-elb` tier tags are always set.
     * @default no cluster tag
     */
    readonly clusterName?: string;
    /**
     * Public IPs on launch in public subnets. Off by default: load balancers and NAT gateways get
     * their own addresses, and instances should not be reachable directly.
     * @default false
     */
    readonly mapPublicIpOnLaunch?: boolean;
}

/**
 * Protection: pass `{ protect: true }` (production does) and every child is protected; the flow
 * log group, which holds the VPC's traffic record, is also retained on delete.
 */
export class AwsNetwork extends PlatformComponent {
    readonly vpc: aws.ec2.Vpc;
    readonly vpcId: pulumi.Output<string>;
    readonly cidrBlock: string;
    readonly availabilityZones: readonly string[];
    /** Subnets by tier, in AZ order. */
    readonly subnets: Readonly<Record<SubnetTier, readonly aws.ec2.Subnet[]>>;
    readonly publicSubnetIds: pulumi.Output<string>[];
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly isolatedSubnetIds: pulumi.Output<string>[];
    readonly internetGateway: aws.ec2.InternetGateway;
    readonly natGateways: readonly aws.ec2.NatGateway[];
    readonly routeTables: Readonly<{ public: aws.ec2.RouteTable; private: readonly aws.ec2.RouteTable[]; isolated: aws.ec2.RouteTable }>;
    readonly defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
    readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
    readonly endpoints: Readonly<Record<string, aws.ec2.VpcEndpoint>>;
    readonly flowLogGroup: aws.cloudwatch.LogGroup;
    readonly flowLog: aws.ec2.FlowLog;

    constructor(name: string, args: AwsNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsNetwork", name, args.naming, opts);
        const nat = args.natGateways ?? "perAz";
        const interfaceServices = args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS;
        const gatewayServices = args.gatewayEndpoints ?? GATEWAY_ENDPOINT_SERVICES;
        this.validate(validateAwsNetworkArgs(args, nat, interfaceServices, gatewayServices));

        const plan = planAwsNetwork(args.cidrBlock, args.availabilityZones, nat);
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        this.cidrBlock = args.cidrBlock;
        this.availabilityZones = [...args.availabilityZones];

        this.vpc = new aws.ec2.Vpc(
            this.childName("vpc"),
            { cidrBlock: args.cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: this.physicalName("vpc") } },
            this.childOptions(),
        );
        this.vpcId = this.vpc.id;

        // Adopt the default security group with no rules: anything launched without a group gets no traffic.
        this.defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(
            this.childName("default-sg"),
            { vpcId: this.vpc.id, ingress: [], egress: [], tags: { Name: this.physicalName("default-closed") } },
            this.childOptions(),
        );

        const subnets: Record<SubnetTier, aws.ec2.Subnet[]> = { public: [], private: [], isolated: [] };
        for (const spec of plan.subnets) {
            subnets[spec.tier].push(this.subnet(args, spec));
        }
        this.subnets = subnets;
        this.publicSubnetIds = subnets.public.map((s) => s.id);
        this.privateSubnetIds = subnets.private.map((s) => s.id);
        this.isolatedSubnetIds = subnets.isolated.map((s) => s.id);

        this.internetGateway = new aws.ec2.InternetGateway(
            this.childName("igw"),
            { vpcId: this.vpc.id, tags: { Name: this.physicalName("igw") } },
            this.childOptions(),
        );

        const publicRouteTable = new aws.ec2.RouteTable(
            this.childName("public"),
            { vpcId: this.vpc.id, tags: { Name: this.physicalName("public"), tier: "public" } },
            this.childOptions(),
        );
        new aws.ec2.Route(
            this.childName("public-internet"),
            { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: this.internetGateway.id },
            this.childOptions(),
        );
        subnets.public.forEach((subnet, i) => this.associate(`public-${i}`, publicRouteTable, subnet));

        const natGateways = new Map<number, aws.ec2.NatGateway>();
        for (const azIndex of plan.natAzIndexes) {
            const az = args.availabilityZones[azIndex];
            const eip = new aws.ec2.Eip(
                this.childName(`nat-${az}`),
                { domain: "vpc", tags: { Name: this.physicalName(`nat-${az}`) } },
                this.childOptions(),
            );
            natGateways.set(
                azIndex,
                new aws.ec2.NatGateway(
                    this.childName(`nat-${az}`),
                    {
                        allocationId: eip.id,
                        subnetId: subnets.public[azIndex].id,
                        connectivityType: "public",
                        tags: { Name: this.physicalName(`nat-${az}`) },
                    },
                    this.childOptions({ dependsOn: [this.internetGateway] }),
                ),
            );
        }
        this.natGateways = [...natGateways.values()];

        const privateRouteTables = args.availabilityZones.map((az, azIndex) => {
            const table = new aws.ec2.RouteTable(
                this.childName(`private-${az}`),
                { vpcId: this.vpc.id, tags: { Name: this.physicalName(`private-${az}`), tier: "private" } },
                this.childOptions(),
            );
            const natIndex = plan.privateRouteNat[azIndex];
            const natGateway = natIndex === undefined ? undefined : natGateways.get(natIndex);
            if (natGateway !== undefined) {
                new aws.ec2.Route(
                    this.childName(`private-${az}-egress`),
                    { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: natGateway.id },
                    this.childOptions(),
                );
            }
            this.associate(`private-${azIndex}`, table, subnets.private[azIndex]);
            return table;
        });

        // Isolated subnets share one table with only the local route: data services never reach out.
        const isolatedRouteTable = new aws.ec2.RouteTable(
            this.childName("isolated"),
            { vpcId: this.vpc.id, tags: { Name: this.physicalName("isolated"), tier: "isolated" } },
            this.childOptions(),
        );
        subnets.isolated.forEach((subnet, i) => this.associate(`isolated-${i}`, isolatedRouteTable, subnet));
        this.routeTables = { public: publicRouteTable, private: privateRouteTables, isolated: isolatedRouteTable };

        this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
            this.childName("endpoints"),
            {
                vpcId: this.vpc.id,
                description: "HTTPS from inside the VPC to interface endpoints",
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.cidrBlock], description: "HTTPS from the VPC" }],
                egress: [],
                tags: { Name: this.physicalName("endpoints") },
            },
            this.childOptions(),
        );
        const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
        const gatewayRouteTables = [...privateRouteTables, isolatedRouteTable].map((t) => t.id);
        for (const service of gatewayServices) {
            endpoints[service] = new aws.ec2.VpcEndpoint(
                this.childName(endpointSuffix(service)),
                {
                    vpcId: this.vpc.id,
                    serviceName: region.apply((r) => endpointServiceName(r, service)),
                    vpcEndpointType: "Gateway",
                    routeTableIds: gatewayRouteTables,
                    tags: { Name: this.physicalName(`endpoint-${endpointSuffix(service)}`) },
                },
                this.childOptions(),
            );
        }
        for (const service of interfaceServices) {
            endpoints[service] = new aws.ec2.VpcEndpoint(
                this.childName(endpointSuffix(service)),
                {
                    vpcId: this.vpc.id,
                    serviceName: region.apply((r) => endpointServiceName(r, service)),
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.privateSubnetIds,
                    securityGroupIds: [this.endpointSecurityGroup.id],
                    tags: { Name: this.physicalName(`endpoint-${endpointSuffix(service)}`) },
                },
                this.childOptions(),
            );
        }
        this.endpoints = endpoints;

        // The flow log group is the VPC's traffic record: stateful (retained on delete when protected).
        this.flowLogGroup = new aws.cloudwatch.LogGroup(
            this.childName("flow-logs"),
            {
                name: `/platform/${this.physicalName("vpc")}/flow-logs`,
                retentionInDays: args.flowLogs.retentionDays,
                kmsKeyId: args.flowLogs.kmsKeyArn,
                tags: { Name: this.physicalName("flow-logs") },
            },
            this.statefulOptions(),
        );
        const flowLogRole = new aws.iam.Role(
            this.childName("flow-logs"),
            {
                name: this.physicalName("flow-logs", "iamRole"),
                description: "Lets VPC Flow Logs write to the VPC's log group",
                assumeRolePolicy: identity.accountId.apply((accountId) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                                Action: "sts:AssumeRole",
                                // Confused-deputy guard: only flow logs of this account may assume the role.
                                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                            },
                        ],
                    }),
                ),
            },
            this.childOptions(),
        );
        new aws.iam.RolePolicy(
            this.childName("flow-logs"),
            {
                role: flowLogRole.id,
                policy: this.flowLogGroup.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                                Resource: [arn, `${arn}:*`],
                            },
                        ],
                    }),
                ),
            },
            this.childOptions(),
        );
        this.flowLog = new aws.ec2.FlowLog(
            this.childName("flow-log"),
            {
                vpcId: this.vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: this.flowLogGroup.arn,
                iamRoleArn: flowLogRole.arn,
                maxAggregationInterval: args.flowLogs.maxAggregationInterval ?? 60,
                tags: { Name: this.physicalName("flow-log") },
            },
            this.childOptions(),
        );

        this.complete("vpcId", "cidrBlock", "availabilityZones", "publicSubnetIds", "privateSubnetIds", "isolatedSubnetIds");
    }

    private subnet(args: AwsNetworkArgs, spec: SubnetSpec): aws.ec2.Subnet {
        return new aws.ec2.Subnet(
            this.childName(`${spec.tier}-${spec.availabilityZone}`),
            {
                vpcId: this.vpc.id,
                cidrBlock: spec.cidr,
                availabilityZone: spec.availabilityZone,
                mapPublicIpOnLaunch: spec.tier === "public" && args.mapPublicIpOnLaunch === true,
                tags: {
                    Name: this.physicalName(`${spec.tier}-${spec.availabilityZone}`),
                    tier: spec.tier,
                    ...kubernetesSubnetTags(spec.tier, args.clusterName),
                },
            },
            this.childOptions(),
        );
    }

    private associate(child: string, table: aws.ec2.RouteTable, subnet: aws.ec2.Subnet): void {
        new aws.ec2.RouteTableAssociation(this.childName(child), { routeTableId: table.id, subnetId: subnet.id }, this.childOptions());
    }
}

/** Every problem with AwsNetwork's arguments (the rules config validation uses too). */
export function validateAwsNetworkArgs(
    args: AwsNetworkArgs,
    nat: NatGatewayStrategy,
    interfaceServices: readonly string[],
    gatewayServices: readonly string[],
): Issue[] {
    const issues: Issue[] = [
        ...checkPrivateNetworkCidr("cidrBlock", args.cidrBlock, AWS_VPC_PREFIX_RANGE),
        ...checkZones("availabilityZones", args.availabilityZones, {
            cloud: "aws",
            min: { count: 1, why: "a VPC needs at least one", fix: "give AZ names such as us-east-1a" },
            max: MAX_AZ_SLOTS,
        }),
        ...checkOneOf("natGateways", nat, NAT_GATEWAY_STRATEGIES),
        ...checkLogRetentionDays("flowLogs.retentionDays", args.flowLogs?.retentionDays),
        ...checkOneOf("flowLogs.maxAggregationInterval", args.flowLogs?.maxAggregationInterval ?? 60, [60, 600]),
    ];
    const unknownInterface = interfaceServices.filter((s) => !(INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(s));
    if (unknownInterface.length > 0) {
        issues.push({
            field: "interfaceEndpoints",
            value: unknownInterface,
            problem: "unsupported service",
            fix: `use any of ${INTERFACE_ENDPOINT_SERVICES.join(", ")}`,
        });
    }
    const unknownGateway = gatewayServices.filter((s) => !(GATEWAY_ENDPOINT_SERVICES as readonly string[]).includes(s));
    if (unknownGateway.length > 0) {
        issues.push({
            field: "gatewayEndpoints",
            value: unknownGateway,
            problem: "unsupported service",
            fix: `use any of ${GATEWAY_ENDPOINT_SERVICES.join(", ")}`,
        });
    }
    issues.push(...checkUnique("interfaceEndpoints", [...interfaceServices, ...gatewayServices], "endpoint service"));
    if (args.clusterName !== undefined) {
        issues.push(...checkEksClusterName("clusterName", args.clusterName));
    }
    return issues;
}
