/**
 * The simulated cloud: what a provider would compute for a resource (ids, ARNs, self links,
 * endpoints, name servers) and what the invokes our stacks call would answer. Component tests,
 * stack synthesis and the `platform synth` command all use this one model, so they cannot
 * disagree. Everything here is a rehearsal value: ids are stable hashes, never real resources.
 */
import { createHash } from "node:crypto";
import { AWS_DATA_MODEL, awsDataId, DATA_REPLACE_ON_CHANGE, gcpDataState, simulateDataInvoke, simulateRandom } from "./cloud-model-data.js";

/** Settings of the simulated account / project. */
export interface CloudModelOptions {
    /** AWS account id used in ARNs and invoke answers. @default "111111111111" */
    readonly awsAccountId?: string;
    /** AWS region used when a resource has no region of its own. @default "us-east-1" */
    readonly awsRegion?: string;
    /** GCP project used when a resource has no `project` input. @default "simulated-project" */
    readonly gcpProject?: string;
    /**
     * Outputs of other stacks, by `<project>/<stack>`, for StackReference reads. A reference named
     * `<organization>/<project>/<stack>` with the simulated organization finds them too, as on a
     * self-managed backend, where every stack is `organization/<project>/<stack>`.
     */
    readonly stackOutputs?: Readonly<Record<string, Record<string, unknown>>>;
}

/** The organization of every simulated stack: what `pulumi.getOrganization()` answers on a self-managed (file) backend. */
export const SIMULATED_ORGANIZATION = "organization";

export const SIMULATED_AWS_ACCOUNT_ID = "111111111111";
export const SIMULATED_GCP_PROJECT = "simulated-project";
/** GCP project number the simulated cloud reports for every project. */
export const SIMULATED_GCP_PROJECT_NUMBER = "123456789012";

/** Raised for an invoke the model does not answer: tests must not silently get `{}`. */
export class UnmodelledInvokeError extends Error {
    constructor(readonly token: string) {
        super(
            `invoke ${token} is not modelled by the simulated cloud; add an answer to simulateInvoke in packages/synth/src/cloud-model.ts or avoid the invoke`,
        );
        this.name = "UnmodelledInvokeError";
    }
}

/** Deterministic hex digest of the parts, `length` characters long. */
export function stableHex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

type State = Record<string, unknown>;

interface ResourceContext {
    readonly type: string;
    readonly name: string;
    readonly inputs: State;
    readonly account: string;
    readonly region: string;
    readonly gcpProject: string;
}

function awsArn(ctx: ResourceContext, service: string, resource: string, regional = true): string {
    return `arn:aws:${service}:${regional ? ctx.region : ""}:${ctx.account}:${resource}`;
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

/** Physical name: the `name` input if given, else the logical name plus a stable suffix (autonaming). */
function physicalName(ctx: ResourceContext, field = "name"): string {
    return str(ctx.inputs[field], `${ctx.name}-${stableHex(7, ctx.type, ctx.name)}`);
}

/** Id prefix and computed outputs for AWS resource types whose outputs components read. */
const AWS_MODEL: Record<string, (ctx: ResourceContext, id: string) => State> = {
    "aws:ec2/vpc:Vpc": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `vpc/${id}`),
        defaultSecurityGroupId: `sg-${stableHex(17, id, "default-sg")}`,
        defaultNetworkAclId: `acl-${stableHex(17, id, "default-acl")}`,
        defaultRouteTableId: `rtb-${stableHex(17, id, "main-rtb")}`,
        mainRouteTableId: `rtb-${stableHex(17, id, "main-rtb")}`,
        ownerId: ctx.account,
    }),
    "aws:ec2/subnet:Subnet": (ctx, id) => ({ arn: awsArn(ctx, "ec2", `subnet/${id}`), ownerId: ctx.account }),
    "aws:ec2/securityGroup:SecurityGroup": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `security-group/${id}`),
        name: physicalName(ctx),
        ownerId: ctx.account,
    }),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `security-group/${id}`),
        name: "default",
    }),
    "aws:ec2/eip:Eip": (_ctx, id) => ({ allocationId: id, publicIp: `198.51.100.${parseInt(stableHex(2, id), 16) % 250}` }),
    "aws:ec2/natGateway:NatGateway": () => ({}),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (ctx, id) => ({ arn: awsArn(ctx, "ec2", `vpc-endpoint/${id}`), dnsEntries: [] }),
    "aws:kms/key:Key": (ctx, id) => ({ keyId: id, arn: awsArn(ctx, "kms", `key/${id}`) }),
    "aws:kms/alias:Alias": (ctx) => ({ arn: awsArn(ctx, "kms", str(ctx.inputs["name"], "alias/x")) }),
    "aws:cloudwatch/logGroup:LogGroup": (ctx) => ({ arn: awsArn(ctx, "logs", `log-group:${physicalName(ctx)}`), name: physicalName(ctx) }),
    "aws:iam/role:Role": (ctx, id) => ({
        arn: awsArn(ctx, "iam", `role/${physicalName(ctx)}`, false),
        name: physicalName(ctx),
        uniqueId: `AROA${stableHex(16, id).toUpperCase()}`,
    }),
    "aws:iam/policy:Policy": (ctx) => ({ arn: awsArn(ctx, "iam", `policy/${physicalName(ctx)}`, false), name: physicalName(ctx) }),
    "aws:route53/zone:Zone": (_ctx, id) => ({
        zoneId: id,
        arn: `arn:aws:route53:::hostedzone/${id}`,
        nameServers: [1, 2, 3, 4].map((n) => `ns-${n}.simulated-dns.invalid`),
    }),
    "aws:ec2/flowLog:FlowLog": (ctx, id) => ({ arn: awsArn(ctx, "ec2", `vpc-flow-log/${id}`) }),
    // The data layer's types (cloud-model-data.ts).
    ...AWS_DATA_MODEL,
};

/** Id formats by AWS type: `<prefix>-<17 hex>` like the real ones, so ids look and sort realistically. */
const AWS_ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:route53/zone:Zone": "Z",
};

function awsId(ctx: ResourceContext): string {
    const prefix = AWS_ID_PREFIX[ctx.type];
    if (prefix === "Z") {
        return `Z${stableHex(20, ctx.type, ctx.name).toUpperCase()}`;
    }
    if (prefix) {
        return `${prefix}-${stableHex(17, ctx.type, ctx.name)}`;
    }
    if (ctx.type === "aws:kms/key:Key") {
        const h = stableHex(32, ctx.type, ctx.name);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    }
    if (ctx.type === "aws:cloudwatch/logGroup:LogGroup" || ctx.type === "aws:iam/role:Role" || ctx.type === "aws:kms/alias:Alias") {
        return physicalName(ctx);
    }
    return awsDataId(ctx) ?? `${ctx.name}-${stableHex(8, ctx.type, ctx.name)}`;
}

/**
 * Collection names the Compute API spells differently from "<lowerCamel type>s" (a global
 * address lives at `projects/<p>/global/addresses/<name>`, not `.../globalAddresss/...`).
 */
const GCP_COLLECTION_OVERRIDES: Record<string, string> = {
    "gcp:compute/address:Address": "addresses",
    "gcp:compute/globalAddress:GlobalAddress": "addresses",
};

/** GCP resources: ids are resource paths; most expose `selfLink` and `name`. */
function gcpCollection(type: string): string {
    const override = GCP_COLLECTION_OVERRIDES[type];
    if (override !== undefined) {
        return override;
    }
    const resource = type.split(":")[2] ?? "resource";
    return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}s`;
}

function gcpState(ctx: ResourceContext): { id: string; state: State } {
    const project = str(ctx.inputs["project"], ctx.gcpProject);
    const name = physicalName(ctx);
    const location = typeof ctx.inputs["region"] === "string" ? `regions/${ctx.inputs["region"]}` : "global";
    const data = gcpDataState(ctx, project, name);
    if (data !== undefined) {
        return data;
    }
    if (ctx.type === "gcp:kms/keyRing:KeyRing") {
        const id = `projects/${project}/locations/${str(ctx.inputs["location"], "global")}/keyRings/${name}`;
        return { id, state: { name } };
    }
    if (ctx.type === "gcp:kms/cryptoKey:CryptoKey") {
        const id = `${str(ctx.inputs["keyRing"], "keyring")}/cryptoKeys/${name}`;
        return { id, state: { name } };
    }
    if (ctx.type === "gcp:dns/managedZone:ManagedZone") {
        const id = `projects/${project}/managedZones/${name}`;
        return {
            id,
            state: {
                name,
                managedZoneId: String(parseInt(stableHex(8, id), 16)),
                nameServers: [1, 2, 3, 4].map((n) => `ns-cloud-${n}.simulated-dns.invalid.`),
            },
        };
    }
    if (ctx.type === "gcp:servicenetworking/connection:Connection") {
        return {
            id: `${str(ctx.inputs["network"], "network")}:${str(ctx.inputs["service"], "service")}`,
            state: { peering: "servicenetworking-googleapis-com" },
        };
    }
    const path = `projects/${project}/${location}/${gcpCollection(ctx.type)}/${name}`;
    return {
        id: path,
        state: {
            name,
            selfLink: `https://www.googleapis.com/compute/v1/${path}`,
            ...(ctx.type === "gcp:compute/network:Network" ? { numericId: String(parseInt(stableHex(12, path), 16)) } : {}),
            ...(ctx.type === "gcp:compute/subnetwork:Subnetwork" ? { gatewayAddress: "0.0.0.0" } : {}),
        },
    };
}

/** The state a provider would return after creating the resource. */
export function simulateResource(
    args: { type: string; name: string; inputs: State },
    options: CloudModelOptions = {},
): { id: string; state: State } {
    const ctx: ResourceContext = {
        type: args.type,
        name: args.name,
        inputs: args.inputs,
        account: options.awsAccountId ?? SIMULATED_AWS_ACCOUNT_ID,
        region: str(args.inputs["region"], options.awsRegion ?? "us-east-1"),
        gcpProject: options.gcpProject ?? SIMULATED_GCP_PROJECT,
    };
    if (args.type === "pulumi:pulumi:StackReference") {
        const stackName = str(args.inputs["name"], args.name);
        const parts = stackName.split("/");
        const outputs =
            options.stackOutputs?.[stackName] ??
            (parts.length === 3 && parts[0] === SIMULATED_ORGANIZATION ? options.stackOutputs?.[parts.slice(1).join("/")] : undefined);
        if (!outputs) {
            throw new Error(`stack reference ${stackName}: the simulated cloud has no outputs for it; pass them in stackOutputs`);
        }
        return { id: stackName, state: { name: stackName, outputs, secretOutputNames: [] } };
    }
    if (args.type.startsWith("gcp:")) {
        const { id, state } = gcpState(ctx);
        return { id, state: { ...args.inputs, ...state } };
    }
    if (args.type.startsWith("random:")) {
        return simulateRandom(ctx);
    }
    if (args.type.startsWith("aws:")) {
        const id = awsId(ctx);
        const computed = AWS_MODEL[args.type]?.(ctx, id) ?? {};
        return { id, state: { ...args.inputs, ...computed } };
    }
    return { id: `${args.name}-${stableHex(8, args.type, args.name)}`, state: { ...args.inputs } };
}

/** Answers to the invokes platform code calls. */
export function simulateInvoke(token: string, inputs: State, options: CloudModelOptions = {}): State {
    const account = options.awsAccountId ?? SIMULATED_AWS_ACCOUNT_ID;
    const region = options.awsRegion ?? "us-east-1";
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: account, arn: `arn:aws:iam::${account}:role/simulated-ci`, userId: "AROASIMULATED:ci", id: account };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getRegion:getRegion":
            return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: "simulated" };
        case "gcp:organizations/getProject:getProject": {
            const projectId = str(inputs["projectId"], options.gcpProject ?? SIMULATED_GCP_PROJECT);
            return { projectId, number: SIMULATED_GCP_PROJECT_NUMBER, name: projectId, id: `projects/${projectId}` };
        }
        default: {
            const answer = simulateDataInvoke(token, inputs, options.gcpProject ?? SIMULATED_GCP_PROJECT);
            if (answer === undefined) {
                throw new UnmodelledInvokeError(token);
            }
            return answer;
        }
    }
}

/**
 * Input properties whose change replaces the resource instead of updating it in place, by type:
 * what the simulated provider plugins (`packages/simulated-cloud`) answer in Diff. A model of the
 * properties the Terraform AWS (v6) and Google (v6) providers mark ForceNew, for every type the
 * platform creates; it is not a promise about the real providers, which can add or drop ForceNew
 * between releases. A type not listed here replaces on a change of `name` only (see
 * {@link replacesOnChange}). An empty list means no input change replaces the resource.
 */
export const REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    // AWS: v6+ resources carry a per-resource `region`; moving one re-creates it.
    "aws:ec2/vpc:Vpc": ["cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength", "region"],
    "aws:ec2/subnet:Subnet": ["vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId", "outpostArn", "region"],
    "aws:ec2/internetGateway:InternetGateway": ["region"],
    "aws:ec2/eip:Eip": ["domain", "address", "customerOwnedIpv4Pool", "ipamPoolId", "networkBorderGroup", "publicIpv4Pool", "region"],
    "aws:ec2/natGateway:NatGateway": ["allocationId", "subnetId", "connectivityType", "privateIp", "region"],
    "aws:ec2/routeTable:RouteTable": ["vpcId", "region"],
    "aws:ec2/route:Route": ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId", "region"],
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ["subnetId", "gatewayId", "region"],
    "aws:ec2/securityGroup:SecurityGroup": ["name", "namePrefix", "description", "vpcId", "region"],
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ["vpcId", "region"],
    "aws:ec2/vpcEndpoint:VpcEndpoint": [
        "vpcId",
        "serviceName",
        "vpcEndpointType",
        "serviceRegion",
        "resourceConfigurationArn",
        "serviceNetworkArn",
        "region",
    ],
    // A flow log cannot be modified: every argument but the tags re-creates it.
    "aws:ec2/flowLog:FlowLog": [
        "vpcId",
        "subnetId",
        "eniId",
        "transitGatewayId",
        "transitGatewayAttachmentId",
        "trafficType",
        "logDestination",
        "logDestinationType",
        "logFormat",
        "iamRoleArn",
        "deliverCrossAccountRole",
        "maxAggregationInterval",
        "destinationOptions",
        "region",
    ],
    "aws:kms/key:Key": ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId", "region"],
    "aws:kms/alias:Alias": ["name", "namePrefix", "region"],
    "aws:cloudwatch/logGroup:LogGroup": ["name", "namePrefix", "logGroupClass", "region"],
    "aws:iam/role:Role": ["name", "namePrefix", "path"],
    "aws:iam/rolePolicy:RolePolicy": ["name", "namePrefix", "role"],
    "aws:route53/zone:Zone": ["name", "delegationSetId"],
    // GCP
    "gcp:compute/network:Network": [
        "name",
        "project",
        "autoCreateSubnetworks",
        "description",
        "enableUlaInternalIpv6",
        "internalIpv6Range",
        "networkProfile",
    ],
    "gcp:compute/subnetwork:Subnetwork": [
        "name",
        "project",
        "network",
        "region",
        "description",
        "purpose",
        "reservedInternalRange",
        "ipCollection",
        "externalIpv6Prefix",
    ],
    "gcp:compute/firewall:Firewall": ["name", "project", "network", "direction"],
    "gcp:compute/globalAddress:GlobalAddress": [
        "name",
        "project",
        "address",
        "addressType",
        "description",
        "ipVersion",
        "network",
        "prefixLength",
        "purpose",
    ],
    "gcp:compute/router:Router": ["name", "project", "network", "region", "encryptedInterconnectRouter"],
    "gcp:compute/routerNat:RouterNat": ["name", "project", "region", "router"],
    "gcp:dns/managedZone:ManagedZone": ["name", "project", "dnsName", "visibility"],
    "gcp:kms/keyRing:KeyRing": ["name", "project", "location"],
    "gcp:kms/cryptoKey:CryptoKey": [
        "name",
        "keyRing",
        "purpose",
        "importOnly",
        "skipInitialVersionCreation",
        "destroyScheduledDuration",
        "cryptoKeyBackend",
    ],
    "gcp:projects/service:Service": ["project", "service"],
    "gcp:servicenetworking/connection:Connection": ["network", "service"],
    // The data layer's types (cloud-model-data.ts).
    ...DATA_REPLACE_ON_CHANGE,
};

/** Whether a change to the top-level input `property` replaces a resource of `type` (see {@link REPLACE_ON_CHANGE}). */
export function replacesOnChange(type: string, property: string): boolean {
    const listed = REPLACE_ON_CHANGE[type];
    return listed === undefined ? property === "name" : listed.includes(property);
}
