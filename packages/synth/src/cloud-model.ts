/**
 * The simulated cloud: what a provider would compute for a resource (ids, ARNs, self links,
 * endpoints, name servers) and what the invokes our stacks call would answer. Component tests,
 * stack synthesis and the `platform synth` command all use this one model, so they cannot
 * disagree. Everything here is a rehearsal value: ids are stable hashes, never real resources.
 */
import { AWS_DATA_MODEL, awsDataId, DATA_REPLACE_ON_CHANGE, gcpDataState, simulateDataInvoke, simulateRandom } from "./cloud-model-data.js";
import {
    AWS_OBSERVABILITY_MODEL,
    awsObservabilityId,
    gcpObservabilityState,
    OBSERVABILITY_REPLACE_ON_CHANGE,
} from "./cloud-model-observability.js";
import { AWS_EDGE_MODEL, awsEdgeId, EDGE_REPLACE_ON_CHANGE, GCP_EDGE_REPLACE_ON_CHANGE, gcpEdgeState } from "./cloud-model-edge.js";
import { AWS_SECURITY_MODEL, awsSecurityId, gcpSecurityState, SECURITY_REPLACE_ON_CHANGE } from "./cloud-model-security.js";
import { stableHex } from "./hash.js";
import { kubernetesCheck, kubernetesCreate, parseKubernetesSettings } from "./kubernetes-model.js";
import type { WireObject } from "./wire-values.js";

export { stableHex } from "./hash.js";

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
    // DNSSEC: the key-signing key's DS record is what the registrar publishes (flag 257, ECDSA P-256 = 13, SHA-256 = 2).
    "aws:route53/keySigningKey:KeySigningKey": (ctx) => {
        const keyTag = 1 + (parseInt(stableHex(4, ctx.type, ctx.name), 16) % 65535);
        const digest = stableHex(64, ctx.type, ctx.name, "digest").toUpperCase();
        return {
            status: str(ctx.inputs["status"], "ACTIVE"),
            flag: 257,
            keyTag,
            signingAlgorithmType: 13,
            signingAlgorithmMnemonic: "ECDSAP256SHA256",
            digestAlgorithmType: 2,
            digestAlgorithmMnemonic: "SHA-256",
            digestValue: digest,
            dsRecord: `${keyTag} 13 2 ${digest}`,
            publicKey: Buffer.from(stableHex(64, ctx.type, ctx.name, "public")).toString("base64"),
        };
    },
    "aws:route53/queryLog:QueryLog": (_ctx, id) => ({ arn: `arn:aws:route53:::queryloggingconfig/${id}` }),
    "aws:route53/healthCheck:HealthCheck": (_ctx, id) => ({ arn: `arn:aws:route53:::healthcheck/${id}` }),
    // A record's fully qualified name is its name (Route 53 names are absolute, without the final dot).
    "aws:route53/record:Record": (ctx) => ({ fqdn: str(ctx.inputs["name"], ctx.name).replace(/\.$/, "") }),
    "aws:ec2/flowLog:FlowLog": (ctx, id) => ({ arn: awsArn(ctx, "ec2", `vpc-flow-log/${id}`) }),
    "aws:ec2/launchTemplate:LaunchTemplate": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `launch-template/${id}`),
        name: physicalName(ctx),
        latestVersion: 1,
        defaultVersion: 1,
    }),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `security-group-rule/${id}`),
        securityGroupRuleId: id,
    }),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (ctx, id) => ({
        arn: awsArn(ctx, "ec2", `security-group-rule/${id}`),
        securityGroupRuleId: id,
    }),
    "aws:eks/cluster:Cluster": (ctx, id) => {
        const vpcConfig = record(ctx.inputs["vpcConfig"]);
        return {
            arn: awsArn(ctx, "eks", `cluster/${id}`),
            name: id,
            endpoint: `https://${stableHex(32, "eks-endpoint", ctx.region, id).toUpperCase()}.gr7.${ctx.region}.eks.amazonaws.com`,
            certificateAuthority: { data: simulatedCaBundle(`eks/${ctx.region}/${id}`) },
            identities: [{ oidcs: [{ issuer: eksOidcIssuer(ctx.region, id) }] }],
            vpcConfig: {
                ...vpcConfig,
                clusterSecurityGroupId: `sg-${stableHex(17, id, "eks-cluster-sg")}`,
                vpcId: `vpc-${stableHex(17, id, "eks-vpc")}`,
            },
            version: str(ctx.inputs["version"], "1.35"),
            platformVersion: "eks.1",
            status: "ACTIVE",
            clusterId: null,
            createdAt: SIMULATED_TIMESTAMP,
        };
    },
    "aws:eks/nodeGroup:NodeGroup": (ctx, id) => {
        const name = str(ctx.inputs["nodeGroupName"], `${ctx.name}-${stableHex(7, ctx.type, ctx.name)}`);
        const cluster = str(ctx.inputs["clusterName"], "cluster");
        return {
            arn: awsArn(ctx, "eks", `nodegroup/${cluster}/${name}/${stableHex(8, id).slice(0, 8)}`),
            nodeGroupName: name,
            status: "ACTIVE",
            resources: [{ autoscalingGroups: [{ name: `eks-${name}-${stableHex(8, id, "asg")}` }], remoteAccessSecurityGroupId: "" }],
        };
    },
    "aws:eks/addon:Addon": (ctx) => ({
        arn: awsArn(
            ctx,
            "eks",
            `addon/${str(ctx.inputs["clusterName"], "cluster")}/${str(ctx.inputs["addonName"], "addon")}/${stableHex(8, ctx.name)}`,
        ),
        createdAt: SIMULATED_TIMESTAMP,
    }),
    "aws:eks/accessEntry:AccessEntry": (ctx) => ({
        accessEntryArn: awsArn(ctx, "eks", `access-entry/${str(ctx.inputs["clusterName"], "cluster")}/role/${stableHex(8, ctx.name)}`),
        type: str(ctx.inputs["type"], "STANDARD"),
        userName: str(ctx.inputs["userName"], str(ctx.inputs["principalArn"], "principal")),
        kubernetesGroups: Array.isArray(ctx.inputs["kubernetesGroups"]) ? ctx.inputs["kubernetesGroups"] : [],
        createdAt: SIMULATED_TIMESTAMP,
    }),
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": () => ({ associatedAt: SIMULATED_TIMESTAMP }),
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": (ctx, id) => ({
        associationId: id,
        associationArn: awsArn(ctx, "eks", `podidentityassociation/${str(ctx.inputs["clusterName"], "cluster")}/${id}`),
    }),
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (ctx) => ({
        arn: awsArn(ctx, "iam", `oidc-provider/${str(ctx.inputs["url"], "oidc.invalid").replace(/^https:\/\//, "")}`, false),
    }),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": () => ({}),
    "aws:sqs/queue:Queue": (ctx) => ({
        arn: awsArn(ctx, "sqs", physicalName(ctx)),
        name: physicalName(ctx),
        url: `https://sqs.${ctx.region}.amazonaws.com/${ctx.account}/${physicalName(ctx)}`,
    }),
    "aws:sqs/queuePolicy:QueuePolicy": () => ({}),
    "aws:cloudwatch/eventRule:EventRule": (ctx) => ({
        arn: awsArn(ctx, "events", `rule/${physicalName(ctx)}`),
        name: physicalName(ctx),
    }),
    "aws:cloudwatch/eventTarget:EventTarget": () => ({}),
    // The data layer's types (cloud-model-data.ts).
    ...AWS_DATA_MODEL,
    // The security layer's types (cloud-model-security.ts).
    ...AWS_SECURITY_MODEL,
    // The observability layer's types (cloud-model-observability.ts).
    ...AWS_OBSERVABILITY_MODEL,
    // The public edge's types (cloud-model-edge.ts).
    ...AWS_EDGE_MODEL,
};

/** `createdAt` of simulated resources that report one. */
export const SIMULATED_TIMESTAMP = "2025-01-01T00:00:00Z";

function record(value: unknown): State {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as State) : {};
}

/** The OIDC issuer of an EKS cluster: `https://oidc.eks.<region>.amazonaws.com/id/<32 hex>`. */
export function eksOidcIssuer(region: string, clusterName: string): string {
    return `https://oidc.eks.${region}.amazonaws.com/id/${stableHex(32, "eks-oidc", region, clusterName).toUpperCase()}`;
}

/**
 * A base64-encoded PEM "certificate" for a simulated cluster CA: well-formed PEM framing around
 * bytes that are not a certificate, so nothing can mistake it for one.
 */
export function simulatedCaBundle(seed: string): string {
    const body = Buffer.from(`simulated cluster CA ${stableHex(32, "ca", seed)}: not a certificate`).toString("base64");
    return Buffer.from(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`).toString("base64");
}

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
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": "a",
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
    if (
        ctx.type === "aws:cloudwatch/logGroup:LogGroup" ||
        ctx.type === "aws:iam/role:Role" ||
        ctx.type === "aws:kms/alias:Alias" ||
        ctx.type === "aws:eks/cluster:Cluster" ||
        ctx.type === "aws:cloudwatch/eventRule:EventRule"
    ) {
        return physicalName(ctx);
    }
    const cluster = str(ctx.inputs["clusterName"], "cluster");
    switch (ctx.type) {
        case "aws:eks/nodeGroup:NodeGroup":
            return `${cluster}:${str(ctx.inputs["nodeGroupName"], `${ctx.name}-${stableHex(7, ctx.type, ctx.name)}`)}`;
        case "aws:eks/addon:Addon":
            return `${cluster}:${str(ctx.inputs["addonName"], "addon")}`;
        case "aws:eks/accessEntry:AccessEntry":
            return `${cluster}:${str(ctx.inputs["principalArn"], "principal")}`;
        case "aws:eks/accessPolicyAssociation:AccessPolicyAssociation":
            return `${cluster}#${str(ctx.inputs["principalArn"], "principal")}#${str(ctx.inputs["policyArn"], "policy")}`;
        case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
            return `arn:aws:iam::${ctx.account}:oidc-provider/${str(ctx.inputs["url"], "oidc.invalid").replace(/^https:\/\//, "")}`;
        case "aws:sqs/queue:Queue":
            return `https://sqs.${ctx.region}.amazonaws.com/${ctx.account}/${physicalName(ctx)}`;
        case "aws:sqs/queuePolicy:QueuePolicy":
            return str(ctx.inputs["queueUrl"], `${ctx.name}-${stableHex(8, ctx.type, ctx.name)}`);
        case "aws:cloudwatch/eventTarget:EventTarget":
            return `${str(ctx.inputs["eventBusName"], "default")}-${str(ctx.inputs["rule"], "rule")}-${str(ctx.inputs["targetId"], "target")}`;
        // Route 53 names these after the zone (and the key's name), and a resource policy by its name.
        case "aws:route53/keySigningKey:KeySigningKey":
            return `${str(ctx.inputs["hostedZoneId"], "Z")},${str(ctx.inputs["name"], ctx.name)}`;
        case "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec":
            return str(ctx.inputs["hostedZoneId"], "Z");
        case "aws:route53/queryLog:QueryLog":
            return stableHex(36, ctx.type, ctx.name);
        // A health check's id is a UUID; a record's is `<zone>_<name>_<type>[_<set identifier>]`.
        case "aws:route53/healthCheck:HealthCheck": {
            const h = stableHex(32, ctx.type, ctx.name);
            return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
        }
        case "aws:route53/record:Record": {
            const setId = ctx.inputs["setIdentifier"];
            const base = `${str(ctx.inputs["zoneId"], "Z")}_${str(ctx.inputs["name"], ctx.name)}_${str(ctx.inputs["type"], "A")}`;
            return typeof setId === "string" ? `${base}_${setId}` : base;
        }
        case "aws:cloudwatch/logResourcePolicy:LogResourcePolicy":
            return physicalName(ctx, "policyName");
        case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
            return `${str(ctx.inputs["role"], "role")}-${stableHex(20, str(ctx.inputs["policyArn"], "policy"))}`;
        default:
            return (
                awsDataId(ctx) ??
                awsSecurityId(ctx) ??
                awsObservabilityId(ctx) ??
                awsEdgeId(ctx) ??
                `${ctx.name}-${stableHex(8, ctx.type, ctx.name)}`
            );
    }
}

/**
 * Collection names the Compute API spells differently from "<lowerCamel type>s" (a global
 * address lives at `projects/<p>/global/addresses/<name>`, not `.../globalAddresss/...`).
 */
const GCP_COLLECTION_OVERRIDES: Record<string, string> = {
    "gcp:compute/address:Address": "addresses",
    "gcp:compute/globalAddress:GlobalAddress": "addresses",
    "gcp:compute/securityPolicy:SecurityPolicy": "securityPolicies",
    "gcp:compute/sSLPolicy:SSLPolicy": "sslPolicies",
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
    const data =
        gcpDataState(ctx, project, name) ??
        gcpSecurityState(ctx, project) ??
        gcpObservabilityState(ctx, project) ??
        gcpEdgeState(ctx, project);
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
    if (ctx.type === "gcp:container/cluster:Cluster") {
        return gkeClusterState(ctx, project, name);
    }
    if (ctx.type === "gcp:container/nodePool:NodePool") {
        const id = `${str(ctx.inputs["cluster"], "cluster")}/nodePools/${name}`;
        const location = str(ctx.inputs["location"], "us-west1");
        return {
            id,
            state: {
                name,
                version: "1.35.3-gke.1000",
                instanceGroupUrls: [
                    `https://www.googleapis.com/compute/v1/projects/${project}/zones/${location}-a/instanceGroupManagers/gke-${name}-${stableHex(8, id)}-grp`,
                ],
                managedInstanceGroupUrls: [
                    `https://www.googleapis.com/compute/v1/projects/${project}/zones/${location}-a/instanceGroups/gke-${name}-${stableHex(8, id)}-grp`,
                ],
                operation: null,
            },
        };
    }
    if (ctx.type === "gcp:serviceaccount/account:Account") {
        const accountId = str(ctx.inputs["accountId"], name);
        const email = `${accountId}@${project}.iam.gserviceaccount.com`;
        return {
            id: `projects/${project}/serviceAccounts/${email}`,
            state: {
                email,
                name: `projects/${project}/serviceAccounts/${email}`,
                uniqueId: String(parseInt(stableHex(12, email), 16)),
                member: `serviceAccount:${email}`,
            },
        };
    }
    if (ctx.type === "gcp:projects/iAMMember:IAMMember") {
        return {
            id: `${project}/${str(ctx.inputs["role"], "role")}/${str(ctx.inputs["member"], "member")}`,
            state: { etag: `BwY${stableHex(10, ctx.name)}` },
        };
    }
    if (ctx.type === "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember") {
        return {
            id: `${str(ctx.inputs["cryptoKeyId"], "key")}/${str(ctx.inputs["role"], "role")}/${str(ctx.inputs["member"], "member")}`,
            state: { etag: `BwY${stableHex(10, ctx.name)}` },
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
            ...((ctx.type === "gcp:compute/address:Address" || ctx.type === "gcp:compute/globalAddress:GlobalAddress") &&
            typeof ctx.inputs["address"] !== "string"
                ? { address: reservedAddress(ctx, path) }
                : {}),
        },
    };
}

/** The IPv4 address Compute Engine reserves: an internal one inside 10/8, an external one in Google's 34.0.0.0/8. */
function reservedAddress(ctx: ResourceContext, path: string): string {
    const [a, b, c] = [0, 2, 4].map((i) => parseInt(stableHex(6, path).slice(i, i + 2), 16));
    return ctx.inputs["addressType"] === "INTERNAL" ? `10.${a}.${b}.${Math.max(c, 2)}` : `34.${a}.${b}.${Math.max(c, 1)}`;
}

/** A regional or zonal GKE cluster: id, endpoints, CA, the master version the channel picked. */
function gkeClusterState(ctx: ResourceContext, project: string, name: string): { id: string; state: State } {
    const location = str(ctx.inputs["location"], "us-west1");
    const id = `projects/${project}/locations/${location}/clusters/${name}`;
    const n = parseInt(stableHex(4, "gke-endpoint", id), 16);
    const privateEndpoint = `172.16.${(n >> 8) & 255}.${(n & 253) + 2}`;
    const publicEndpoint = `203.0.113.${(n % 250) + 2}`;
    const privateCluster = record(ctx.inputs["privateClusterConfig"]);
    const minimum = str(ctx.inputs["minMasterVersion"], "1.35");
    return {
        id,
        state: {
            name,
            selfLink: `https://container.googleapis.com/v1/${id}`,
            endpoint: privateCluster["enablePrivateEndpoint"] === true ? privateEndpoint : publicEndpoint,
            masterVersion: `${minimum}.3-gke.1000`,
            masterAuth: {
                ...record(ctx.inputs["masterAuth"]),
                clusterCaCertificate: simulatedCaBundle(`gke/${id}`),
            },
            privateClusterConfig: { ...privateCluster, privateEndpoint, publicEndpoint },
            labelFingerprint: stableHex(16, id, "labels"),
            operation: null,
            servicesIpv4Cidr: "10.43.0.0/20",
        },
    };
}

/**
 * A Kubernetes object as the simulated kubernetes provider would create it (see
 * `kubernetes-model.ts`): autonamed from its URN, namespaced from its provider's settings.
 */
function simulateKubernetesObject(args: { type: string; name: string; inputs: State; urn?: string; providerInputs?: State }): {
    id: string;
    state: State;
} {
    const urn = args.urn ?? `urn:pulumi:stack::project::${args.type}::${args.name}`;
    const settings = parseKubernetesSettings((args.providerInputs ?? {}) as WireObject);
    const checked = kubernetesCheck(settings, { urn, olds: {}, news: args.inputs as WireObject });
    if (checked.failures.length > 0) {
        throw new Error(`${args.type} ${args.name}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    const created = kubernetesCreate(settings, { urn, properties: checked.inputs });
    return { id: created.id, state: created.properties };
}

/** The state a provider would return after creating the resource. */
export function simulateResource(
    args: {
        type: string;
        name: string;
        inputs: State;
        /** The resource's URN (Kubernetes autonames derive from it). */
        urn?: string;
        /** Its explicit provider's inputs (the Kubernetes default namespace). */
        providerInputs?: State;
    },
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
    if (args.type.startsWith("kubernetes:")) {
        return simulateKubernetesObject(args);
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
        case "aws:iam/getSessionContext:getSessionContext": {
            // The IAM role behind an STS assumed-role ARN (no path: the simulated account has none); other ARNs pass through.
            const arn = str(inputs["arn"], `arn:aws:iam::${account}:role/simulated-ci`);
            const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
            if (assumed === null) {
                return { arn, issuerArn: arn, issuerId: "", issuerName: "", sessionName: "", id: arn };
            }
            const [, partition = "aws", accountId = account, role = "", session = ""] = assumed;
            const issuerArn = `arn:${partition}:iam::${accountId}:role/${role}`;
            return {
                arn,
                issuerArn,
                issuerId: `AROA${stableHex(16, issuerArn).toUpperCase()}`,
                issuerName: role,
                sessionName: session,
                id: arn,
            };
        }
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
    "aws:route53/keySigningKey:KeySigningKey": ["hostedZoneId", "keyManagementServiceArn", "name"],
    "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec": ["hostedZoneId"],
    "aws:route53/queryLog:QueryLog": ["cloudwatchLogGroupArn", "zoneId"],
    "aws:route53/record:Record": ["name", "zoneId"],
    "aws:route53/healthCheck:HealthCheck": ["type", "requestInterval", "measureLatency", "routingControlArn", "referenceName"],
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": ["policyName", "region"],
    "aws:ec2/launchTemplate:LaunchTemplate": ["name", "namePrefix", "region"],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId", "region"],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId", "region"],
    // EKS: subnets, security groups, logging, access mode, encryption and version update in place;
    // `accessConfig.bootstrapClusterCreatorAdminPermissions` is force-new too, but sits in a block
    // whose other field (authenticationMode) updates in place, so it is not listed at top level.
    "aws:eks/cluster:Cluster": ["name", "roleArn", "kubernetesNetworkConfig", "outpostConfig", "bootstrapSelfManagedAddons", "region"],
    // Node groups: a new launch template version, scaling, labels, taints and version update in place.
    "aws:eks/nodeGroup:NodeGroup": [
        "clusterName",
        "nodeGroupName",
        "nodeGroupNamePrefix",
        "nodeRoleArn",
        "subnetIds",
        "amiType",
        "capacityType",
        "diskSize",
        "instanceTypes",
        "remoteAccess",
        "region",
    ],
    "aws:eks/addon:Addon": ["clusterName", "addonName", "region"],
    "aws:eks/accessEntry:AccessEntry": ["clusterName", "principalArn", "type", "region"],
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": ["clusterName", "principalArn", "policyArn", "accessScope", "region"],
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": ["clusterName", "namespace", "serviceAccount", "region"],
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": ["url"],
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["role", "policyArn"],
    "aws:sqs/queue:Queue": ["name", "namePrefix", "fifoQueue", "region"],
    "aws:sqs/queuePolicy:QueuePolicy": ["queueUrl", "region"],
    "aws:cloudwatch/eventRule:EventRule": ["name", "namePrefix", "eventBusName", "region"],
    "aws:cloudwatch/eventTarget:EventTarget": ["rule", "targetId", "eventBusName", "region"],
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
    // GKE: the default pool's nodeConfig, networking and the datapath are fixed at creation;
    // release channel, authorized networks, secrets encryption and logging update in place.
    "gcp:container/cluster:Cluster": [
        "name",
        "project",
        "location",
        "network",
        "subnetwork",
        "ipAllocationPolicy",
        "networkingMode",
        "datapathProvider",
        "description",
        "initialNodeCount",
        "nodeConfig",
        "enableAutopilot",
        "defaultMaxPodsPerNode",
    ],
    // Node pools: most of nodeConfig updates in place (labels, taints, machine type), so it is not
    // listed whole; its force-new fields (boot disk key, image type changes) are a known gap.
    "gcp:container/nodePool:NodePool": [
        "name",
        "namePrefix",
        "project",
        "location",
        "cluster",
        "initialNodeCount",
        "maxPodsPerNode",
        "networkConfig",
        "placementPolicy",
    ],
    "gcp:serviceaccount/account:Account": ["accountId", "project"],
    "gcp:projects/iAMMember:IAMMember": ["project", "role", "member", "condition"],
    "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": ["cryptoKeyId", "role", "member", "condition"],
    "gcp:servicenetworking/connection:Connection": ["network", "service"],
    "gcp:compute/securityPolicy:SecurityPolicy": ["name", "project", "type"],
    "gcp:compute/sSLPolicy:SSLPolicy": ["name", "project", "description"],
    // The data layer's types (cloud-model-data.ts).
    ...DATA_REPLACE_ON_CHANGE,
    // The security layer's types (cloud-model-security.ts).
    ...SECURITY_REPLACE_ON_CHANGE,
    // The observability layer's types (cloud-model-observability.ts).
    ...OBSERVABILITY_REPLACE_ON_CHANGE,
    ...EDGE_REPLACE_ON_CHANGE,
    ...GCP_EDGE_REPLACE_ON_CHANGE,
};

/** Whether a change to the top-level input `property` replaces a resource of `type` (see {@link REPLACE_ON_CHANGE}). */
export function replacesOnChange(type: string, property: string): boolean {
    const listed = REPLACE_ON_CHANGE[type];
    return listed === undefined ? property === "name" : listed.includes(property);
}
