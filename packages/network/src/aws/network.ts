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
import * as pulumi from "@pulumi/pulumi";
import {
    AWS_AZ_PATTERN,
    AWS_VPC_PREFIX_RANGE,
    checkNamingArgs,
    CLOUDWATCH_RETENTION_DAYS,
    invalidArgument,
    MAX_AZ_SLOTS,
    NAT_GATEWAY_STRATEGIES,
    type NatGatewayStrategy,
    resourceName,
    type SubnetTier,
    tryParseCidr,
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
    readonly retentionInDays: number;
    /** ARN of the customer-managed KMS key encrypting the log group (the `logs` key). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Aggregation interval in seconds: 60 gives near-real-time investigation, 600 is cheaper.
     * @default 60
     */
    readonly maxAggregationInterval?: 60 | 600;
}

export interface AwsNetworkArgs {
    /** Project and environment for physical names (`<project>-<env>-<component>`). */
    readonly naming: { readonly project: string; readonly environment: string };
    /** The VPC CIDR, /16 to /23. Subnets are carved from it by a fixed per-AZ slot plan. */
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
    /** VPC flow logs (mandatory: investigations and the `vpc-flow-logs` policy depend on them). */
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

const CLUSTER_NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

export class AwsNetwork extends pulumi.ComponentResource {
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
        super("platform:network:AwsNetwork", name, {}, opts);
        const nat = args.natGateways ?? "perAz";
        const interfaceServices = args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS;
        const gatewayServices = args.gatewayEndpoints ?? GATEWAY_ENDPOINT_SERVICES;
        this.validate(args, nat, interfaceServices, gatewayServices);

        const physical = (component: string) => resourceName({ ...args.naming, component });
        const plan = planAwsNetwork(args.cidrBlock, args.availabilityZones, nat);
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        this.cidrBlock = args.cidrBlock;
        this.availabilityZones = [...args.availabilityZones];

        this.vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            { cidrBlock: args.cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: physical("vpc") } },
            { parent: this },
        );
        this.vpcId = this.vpc.id;

        // Adopt the default security group with no rules: anything launched without a group gets no traffic.
        this.defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: this.vpc.id, ingress: [], egress: [], tags: { Name: physical("default-closed") } },
            { parent: this },
        );

        const subnets: Record<SubnetTier, aws.ec2.Subnet[]> = { public: [], private: [], isolated: [] };
        for (const spec of plan.subnets) {
            subnets[spec.tier].push(this.subnet(name, args, spec, physical));
        }
        this.subnets = subnets;
        this.publicSubnetIds = subnets.public.map((s) => s.id);
        this.privateSubnetIds = subnets.private.map((s) => s.id);
        this.isolatedSubnetIds = subnets.isolated.map((s) => s.id);

        this.internetGateway = new aws.ec2.InternetGateway(
            `${name}-igw`,
            { vpcId: this.vpc.id, tags: { Name: physical("igw") } },
            { parent: this },
        );

        const publicRouteTable = new aws.ec2.RouteTable(
            `${name}-public`,
            { vpcId: this.vpc.id, tags: { Name: physical("public"), tier: "public" } },
            { parent: this },
        );
        new aws.ec2.Route(
            `${name}-public-internet`,
            { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: this.internetGateway.id },
            { parent: this },
        );
        subnets.public.forEach((subnet, i) => this.associate(`${name}-public-${i}`, publicRouteTable, subnet));

        const natGateways = new Map<number, aws.ec2.NatGateway>();
        for (const azIndex of plan.natAzIndexes) {
            const az = args.availabilityZones[azIndex];
            const eip = new aws.ec2.Eip(`${name}-nat-${az}`, { domain: "vpc", tags: { Name: physical(`nat-${az}`) } }, { parent: this });
            natGateways.set(
                azIndex,
                new aws.ec2.NatGateway(
                    `${name}-nat-${az}`,
                    {
                        allocationId: eip.id,
                        subnetId: subnets.public[azIndex].id,
                        connectivityType: "public",
                        tags: { Name: physical(`nat-${az}`) },
                    },
                    { parent: this, dependsOn: [this.internetGateway] },
                ),
            );
        }
        this.natGateways = [...natGateways.values()];

        const privateRouteTables = args.availabilityZones.map((az, azIndex) => {
            const table = new aws.ec2.RouteTable(
                `${name}-private-${az}`,
                { vpcId: this.vpc.id, tags: { Name: physical(`private-${az}`), tier: "private" } },
                { parent: this },
            );
            const natIndex = plan.privateRouteNat[azIndex];
            if (natIndex !== undefined) {
                new aws.ec2.Route(
                    `${name}-private-${az}-egress`,
                    { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: natGateways.get(natIndex)!.id },
                    { parent: this },
                );
            }
            this.associate(`${name}-private-${azIndex}`, table, subnets.private[azIndex]);
            return table;
        });

        // Isolated subnets share one table with only the local route: data services never reach out.
        const isolatedRouteTable = new aws.ec2.RouteTable(
            `${name}-isolated`,
            { vpcId: this.vpc.id, tags: { Name: physical("isolated"), tier: "isolated" } },
            { parent: this },
        );
        subnets.isolated.forEach((subnet, i) => this.associate(`${name}-isolated-${i}`, isolatedRouteTable, subnet));
        this.routeTables = { public: publicRouteTable, private: privateRouteTables, isolated: isolatedRouteTable };

        this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            {
                vpcId: this.vpc.id,
                description: "HTTPS from inside the VPC to interface endpoints",
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.cidrBlock], description: "HTTPS from the VPC" }],
                egress: [],
                tags: { Name: physical("endpoints") },
            },
            { parent: this },
        );
        const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
        const gatewayRouteTables = [...privateRouteTables, isolatedRouteTable].map((t) => t.id);
        for (const service of gatewayServices) {
            endpoints[service] = new aws.ec2.VpcEndpoint(
                `${name}-${endpointSuffix(service)}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: region.apply((r) => endpointServiceName(r, service)),
                    vpcEndpointType: "Gateway",
                    routeTableIds: gatewayRouteTables,
                    tags: { Name: physical(`endpoint-${endpointSuffix(service)}`) },
                },
                { parent: this },
            );
        }
        for (const service of interfaceServices) {
            endpoints[service] = new aws.ec2.VpcEndpoint(
                `${name}-${endpointSuffix(service)}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: region.apply((r) => endpointServiceName(r, service)),
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.privateSubnetIds,
                    securityGroupIds: [this.endpointSecurityGroup.id],
                    tags: { Name: physical(`endpoint-${endpointSuffix(service)}`) },
                },
                { parent: this },
            );
        }
        this.endpoints = endpoints;

        this.flowLogGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            {
                name: `/platform/${physical("vpc")}/flow-logs`,
                retentionInDays: args.flowLogs.retentionInDays,
                kmsKeyId: args.flowLogs.kmsKeyArn,
                tags: { Name: physical("flow-logs") },
            },
            { parent: this },
        );
        const flowLogRole = new aws.iam.Role(
            `${name}-flow-logs`,
            {
                name: resourceName({ ...args.naming, component: "vpc-flow-logs" }, "iamRole"),
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
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-flow-logs`,
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
            { parent: this },
        );
        this.flowLog = new aws.ec2.FlowLog(
            `${name}-flow-log`,
            {
                vpcId: this.vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: this.flowLogGroup.arn,
                iamRoleArn: flowLogRole.arn,
                maxAggregationInterval: args.flowLogs.maxAggregationInterval ?? 60,
                tags: { Name: physical("flow-log") },
            },
            { parent: this },
        );

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            isolatedSubnetIds: this.isolatedSubnetIds,
        });
    }

    private subnet(name: string, args: AwsNetworkArgs, spec: SubnetSpec, physical: (c: string) => string): aws.ec2.Subnet {
        return new aws.ec2.Subnet(
            `${name}-${spec.tier}-${spec.availabilityZone}`,
            {
                vpcId: this.vpc.id,
                cidrBlock: spec.cidr,
                availabilityZone: spec.availabilityZone,
                mapPublicIpOnLaunch: spec.tier === "public" && args.mapPublicIpOnLaunch === true,
                tags: {
                    Name: physical(`${spec.tier}-${spec.availabilityZone}`),
                    tier: spec.tier,
                    ...kubernetesSubnetTags(spec.tier, args.clusterName),
                },
            },
            { parent: this },
        );
    }

    private associate(logicalName: string, table: aws.ec2.RouteTable, subnet: aws.ec2.Subnet): void {
        new aws.ec2.RouteTableAssociation(logicalName, { routeTableId: table.id, subnetId: subnet.id }, { parent: this });
    }

    private validate(
        args: AwsNetworkArgs,
        nat: NatGatewayStrategy,
        interfaceServices: readonly string[],
        gatewayServices: readonly string[],
    ): void {
        checkNamingArgs(this, args.naming);
        const cidr = tryParseCidr(args.cidrBlock);
        if (!cidr.ok) {
            throw invalidArgument(this, {
                field: "cidrBlock",
                value: args.cidrBlock,
                problem: cidr.reason,
                fix: "use a block such as 10.20.0.0/16",
            });
        }
        if (cidr.cidr.prefix < AWS_VPC_PREFIX_RANGE.min || cidr.cidr.prefix > AWS_VPC_PREFIX_RANGE.max) {
            throw invalidArgument(this, {
                field: "cidrBlock",
                value: args.cidrBlock,
                problem: `prefix /${cidr.cidr.prefix} is outside /${AWS_VPC_PREFIX_RANGE.min}../${AWS_VPC_PREFIX_RANGE.max}`,
                fix: "use a /16 (recommended) to /23 block",
            });
        }
        const azs = args.availabilityZones;
        if (azs.length < 1 || azs.length > MAX_AZ_SLOTS) {
            throw invalidArgument(this, {
                field: "availabilityZones",
                value: azs,
                problem: `${azs.length} AZs given`,
                fix: `give 1 to ${MAX_AZ_SLOTS} AZ names`,
            });
        }
        const malformed = azs.find((az) => !AWS_AZ_PATTERN.test(az));
        if (malformed !== undefined) {
            throw invalidArgument(this, {
                field: "availabilityZones",
                value: malformed,
                problem: "not an AZ name",
                fix: "use names such as us-east-1a",
            });
        }
        if (new Set(azs).size !== azs.length) {
            throw invalidArgument(this, {
                field: "availabilityZones",
                value: azs,
                problem: "an AZ is listed twice",
                fix: "list each AZ once",
            });
        }
        if (!NAT_GATEWAY_STRATEGIES.includes(nat)) {
            throw invalidArgument(this, {
                field: "natGateways",
                value: nat,
                problem: "unknown strategy",
                fix: `use one of ${NAT_GATEWAY_STRATEGIES.join(", ")}`,
            });
        }
        if (!(CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(args.flowLogs.retentionInDays)) {
            throw invalidArgument(this, {
                field: "flowLogs.retentionInDays",
                value: args.flowLogs.retentionInDays,
                problem: "CloudWatch does not accept this retention",
                fix: `use one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")}`,
            });
        }
        const unknownInterface = interfaceServices.filter((s) => !(INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(s));
        if (unknownInterface.length > 0) {
            throw invalidArgument(this, {
                field: "interfaceEndpoints",
                value: unknownInterface,
                problem: "unsupported service",
                fix: `use any of ${INTERFACE_ENDPOINT_SERVICES.join(", ")}`,
            });
        }
        const unknownGateway = gatewayServices.filter((s) => !(GATEWAY_ENDPOINT_SERVICES as readonly string[]).includes(s));
        if (unknownGateway.length > 0) {
            throw invalidArgument(this, {
                field: "gatewayEndpoints",
                value: unknownGateway,
                problem: "unsupported service",
                fix: `use any of ${GATEWAY_ENDPOINT_SERVICES.join(", ")}`,
            });
        }
        if (new Set([...interfaceServices, ...gatewayServices]).size !== interfaceServices.length + gatewayServices.length) {
            throw invalidArgument(this, {
                field: "interfaceEndpoints",
                value: interfaceServices,
                problem: "a service is listed twice",
                fix: "list each endpoint service once",
            });
        }
        if (args.clusterName !== undefined && !CLUSTER_NAME_PATTERN.test(args.clusterName)) {
            throw invalidArgument(this, {
                field: "clusterName",
                value: args.clusterName,
                problem: "not a valid EKS cluster name",
                fix: "use letters, digits, - and _ (1-100 characters)",
            });
        }
    }
}
