/**
 * GcpNetwork: a custom-mode, global VPC laid out the way a platform team runs GKE and managed
 * data services (Cloud SQL, Memorystore) in one or more regions.
 *
 * - One regional subnet per region; primary range for nodes, secondary ranges `pods` and
 *   `services` for VPC-native GKE. Ranges come from a fixed per-region carve (core
 *   `planGcpRegion`), so adding a region never renumbers another.
 * - Private Google Access and VPC flow logs on every subnet.
 * - Egress through one Cloud Router + Cloud NAT per region (no VM needs a public IP).
 * - Private service access: a VPC_PEERING allocation and the service networking connection that
 *   Cloud SQL / Memorystore private IPs need.
 * - A logged firewall baseline: explicit deny-all ingress, internal traffic, Google health checks,
 *   IAP SSH. No rule opens anything to 0.0.0.0/0.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkGcpProject,
    checkNoOverlaps,
    checkOneOf,
    checkPattern,
    checkPrivateNetworkCidr,
    type ComponentNaming,
    GCP_REGION_PATTERN,
    GCP_REGION_PREFIX_RANGE,
    type Issue,
    type LabelledCidr,
    PlatformComponent,
    type RegionalRange,
    tryParseCidr,
} from "@platform/core";
import { DEFAULT_HEALTH_CHECK_PORTS, type FirewallRuleKey, planGcpFirewall } from "./firewall.js";
import { GCP_POD_RANGE_NAME, GCP_SERVICE_RANGE_NAME, type GcpSubnetSpec, planGcpSubnets, privateServiceAccessAllocation } from "./plan.js";

/**
 * How workloads without public IPs reach the internet.
 * - `cloudNat`: one Cloud Router + Cloud NAT per region, for that region's subnet (a regional
 *   outage never cuts another region's egress).
 * - `none`: no NAT; only Google APIs (Private Google Access) and peered networks are reachable.
 */
export const GCP_EGRESS_MODES = ["cloudNat", "none"] as const;
export type GcpEgress = (typeof GCP_EGRESS_MODES)[number];

/** Flow log aggregation intervals the Compute API accepts. */
export const FLOW_LOG_AGGREGATION_INTERVALS = [
    "INTERVAL_5_SEC",
    "INTERVAL_30_SEC",
    "INTERVAL_1_MIN",
    "INTERVAL_5_MIN",
    "INTERVAL_10_MIN",
    "INTERVAL_15_MIN",
] as const;
export type FlowLogAggregationInterval = (typeof FLOW_LOG_AGGREGATION_INTERVALS)[number];

/** Flow log metadata modes (CUSTOM_METADATA is not offered: it needs a field list to be useful). */
export const FLOW_LOG_METADATA_MODES = ["INCLUDE_ALL_METADATA", "EXCLUDE_ALL_METADATA"] as const;
export type FlowLogMetadata = (typeof FLOW_LOG_METADATA_MODES)[number];

/** The service private service access peers with. */
export const SERVICE_NETWORKING_SERVICE = "servicenetworking.googleapis.com";

/**
 * VPC flow logs on every subnet. They cannot be turned off here: investigations and the
 * `gcp-subnet-flow-logs` policy depend on them. Tune volume with the interval and sampling instead.
 */
export interface GcpFlowLogArgs {
    /**
     * How long flows are aggregated before a log entry is written: short intervals give
     * near-real-time investigation, long ones cost less.
     * @default "INTERVAL_5_SEC"
     */
    readonly aggregationInterval?: FlowLogAggregationInterval;
    /**
     * Fraction of flows sampled, greater than 0 and at most 1 (0 would disable flow logs).
     * @default 0.5
     */
    readonly flowSampling?: number;
    /**
     * Whether entries carry VM / GKE metadata (names, zones, labels): what makes a flow log
     * readable during an incident.
     * @default "INCLUDE_ALL_METADATA"
     */
    readonly metadata?: FlowLogMetadata;
}

/** The firewall baseline (the deny-all, internal and health-check rules always exist). */
export interface GcpFirewallArgs {
    /**
     * Allow SSH (tcp 22) from Identity-Aware Proxy TCP forwarding (35.235.240.0/20) only. Access
     * is then governed by IAM (`roles/iap.tunnelResourceAccessor`) and audited, and no VM needs a
     * public IP. Turn off where nobody should SSH at all.
     * @default true
     */
    readonly allowIapSsh?: boolean;
    /**
     * TCP ports Google load balancer health checks (35.191.0.0/16, 130.211.0.0/22) may reach on
     * every instance. Keep this to the ports backends actually serve; at least one.
     * @default [80, 443, 8080, 15021] (15021: the Istio ingress gateway's readiness port the public edge checks)
     */
    readonly healthCheckPorts?: readonly number[];
}

export interface GcpNetworkArgs {
    /** GCP project id the network and every child live in. */
    readonly project: string;
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /**
     * Regions of this global VPC, primary first, each with its own private (RFC 1918) range (/8 to
     * /20, /16 recommended) carved by a fixed plan: nodes /p+4, services /p+4, proxy-only /p+4 (reserved),
     * private service access /p+4 (primary only), pods /p+2. Plain values: the number of regions
     * decides how many subnets, routers and NATs exist. Ranges must not overlap.
     */
    readonly regions: readonly RegionalRange[];
    /**
     * Internet egress for instances and nodes without public IPs.
     * @default "cloudNat"
     */
    readonly egress?: GcpEgress;
    /**
     * Private service access for Cloud SQL and Memorystore private IPs: a VPC_PEERING allocation
     * sized from the primary region's private service access range, and the peering connection to
     * servicenetworking.googleapis.com. Off only for networks that will never host managed data
     * services (the peering cannot be removed while any instance uses it).
     * @default true
     */
    readonly privateServiceAccess?: boolean;
    /**
     * Flow log settings for every subnet.
     * @default { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }
     */
    readonly flowLogs?: GcpFlowLogArgs;
    /**
     * Firewall baseline settings.
     * @default { allowIapSsh: true, healthCheckPorts: [80, 443, 8080, 15021] }
     */
    readonly firewall?: GcpFirewallArgs;
}

/** Defaults of {@link GcpFlowLogArgs}. */
export const DEFAULT_GCP_FLOW_LOGS: Required<GcpFlowLogArgs> = {
    aggregationInterval: "INTERVAL_5_SEC",
    flowSampling: 0.5,
    metadata: "INCLUDE_ALL_METADATA",
};

/** Protection: pass `{ protect: true }` to protect every child (production does). */
export class GcpNetwork extends PlatformComponent {
    readonly network: gcp.compute.Network;
    readonly networkId: pulumi.Output<string>;
    readonly networkSelfLink: pulumi.Output<string>;
    /** Region names in the order given (primary first). */
    readonly regions: readonly string[];
    /** The subnet plan (ranges per region), as planned. */
    readonly plan: readonly GcpSubnetSpec[];
    /** Subnets by region. */
    readonly subnets: Readonly<Record<string, gcp.compute.Subnetwork>>;
    /** Subnet self links by region. */
    readonly subnetSelfLinks: Readonly<Record<string, pulumi.Output<string>>>;
    /** Secondary range name for GKE Pods (the same in every region). */
    readonly podRangeName: string;
    /** Secondary range name for GKE Services (the same in every region). */
    readonly serviceRangeName: string;
    /** Cloud Routers by region (empty when `egress` is `none`). */
    readonly routers: Readonly<Record<string, gcp.compute.Router>>;
    /** Cloud NATs by region (empty when `egress` is `none`). */
    readonly nats: Readonly<Record<string, gcp.compute.RouterNat>>;
    /** Firewall rules by baseline key. */
    readonly firewallRules: Readonly<Partial<Record<FirewallRuleKey, gcp.compute.Firewall>>>;
    /** The private service access allocation (undefined when `privateServiceAccess` is false). */
    readonly privateServiceAccessAddress: gcp.compute.GlobalAddress | undefined;
    readonly privateServiceAccessConnection: gcp.servicenetworking.Connection | undefined;
    /**
     * Name of the private service access allocation: what Cloud SQL `allocatedIpRange` and
     * Memorystore `reservedIpRange` take. Undefined without private service access.
     */
    readonly privateServiceAccessRange: pulumi.Output<string> | undefined;
    /** CIDR of the private service access allocation. Undefined without private service access. */
    readonly privateServiceAccessCidr: string | undefined;

    constructor(name: string, args: GcpNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpNetwork", name, args.naming, opts);
        const egress = args.egress ?? "cloudNat";
        const usePrivateServiceAccess = args.privateServiceAccess ?? true;
        const flowLogs: Required<GcpFlowLogArgs> = { ...DEFAULT_GCP_FLOW_LOGS, ...definedOnly(args.flowLogs) };
        const allowIapSsh = args.firewall?.allowIapSsh ?? true;
        const healthCheckPorts = args.firewall?.healthCheckPorts ?? DEFAULT_HEALTH_CHECK_PORTS;
        this.validate(validateGcpNetworkArgs(args, egress, flowLogs, healthCheckPorts));

        const physical = (child: string) => this.physicalName(child, "gcp");
        const project = args.project;
        const plan = planGcpSubnets(args.regions);
        this.plan = plan;
        this.regions = plan.map((s) => s.region);
        this.podRangeName = GCP_POD_RANGE_NAME;
        this.serviceRangeName = GCP_SERVICE_RANGE_NAME;

        this.network = new gcp.compute.Network(
            this.childName("vpc"),
            {
                project,
                name: physical("vpc"),
                description: "Platform VPC (custom mode, global routing)",
                autoCreateSubnetworks: false,
                routingMode: "GLOBAL",
                deleteDefaultRoutesOnCreate: false,
            },
            this.childOptions(),
        );
        this.networkId = this.network.id;
        this.networkSelfLink = this.network.selfLink;

        const subnets: Record<string, gcp.compute.Subnetwork> = {};
        const routers: Record<string, gcp.compute.Router> = {};
        const nats: Record<string, gcp.compute.RouterNat> = {};
        for (const spec of plan) {
            const subnet = new gcp.compute.Subnetwork(
                this.childName(`subnet-${spec.region}`),
                {
                    project,
                    region: spec.region,
                    name: physical(`subnet-${spec.region}`),
                    description: `Regional subnet for ${spec.region} (nodes; pods and services secondary ranges)`,
                    network: this.network.id,
                    ipCidrRange: spec.ipCidrRange,
                    secondaryIpRanges: spec.secondaryIpRanges.map((r) => ({ rangeName: r.rangeName, ipCidrRange: r.ipCidrRange })),
                    privateIpGoogleAccess: true,
                    logConfig: {
                        aggregationInterval: flowLogs.aggregationInterval,
                        flowSampling: flowLogs.flowSampling,
                        metadata: flowLogs.metadata,
                    },
                },
                this.childOptions(),
            );
            subnets[spec.region] = subnet;
            if (egress === "cloudNat") {
                const router = new gcp.compute.Router(
                    this.childName(`router-${spec.region}`),
                    {
                        project,
                        region: spec.region,
                        name: physical(`router-${spec.region}`),
                        description: `Cloud Router for Cloud NAT in ${spec.region}`,
                        network: this.network.id,
                    },
                    this.childOptions(),
                );
                routers[spec.region] = router;
                nats[spec.region] = new gcp.compute.RouterNat(
                    this.childName(`nat-${spec.region}`),
                    {
                        project,
                        region: spec.region,
                        name: physical(`nat-${spec.region}`),
                        router: router.name,
                        natIpAllocateOption: "AUTO_ONLY",
                        sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
                        subnetworks: [{ name: subnet.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
                        logConfig: { enable: true, filter: "ERRORS_ONLY" },
                    },
                    this.childOptions(),
                );
            }
        }
        this.subnets = subnets;
        this.subnetSelfLinks = Object.fromEntries(Object.entries(subnets).map(([region, s]) => [region, s.selfLink]));
        this.routers = routers;
        this.nats = nats;

        const firewallRules: Partial<Record<FirewallRuleKey, gcp.compute.Firewall>> = {};
        for (const rule of planGcpFirewall({ subnets: plan, allowIapSsh, healthCheckPorts })) {
            firewallRules[rule.key] = new gcp.compute.Firewall(
                this.childName(`fw-${rule.key}`),
                {
                    project,
                    name: physical(`fw-${rule.key}`),
                    description: rule.description,
                    network: this.network.id,
                    direction: rule.direction,
                    priority: rule.priority,
                    sourceRanges: [...rule.sourceRanges],
                    ...(rule.allows.length > 0 ? { allows: rule.allows.map(protocolInput) } : {}),
                    ...(rule.denies.length > 0 ? { denies: rule.denies.map(protocolInput) } : {}),
                    logConfig: { metadata: "INCLUDE_ALL_METADATA" },
                },
                this.childOptions(),
            );
        }
        this.firewallRules = firewallRules;

        if (usePrivateServiceAccess) {
            const allocation = privateServiceAccessAllocation(plan[0]);
            this.privateServiceAccessCidr = plan[0].ranges.privateServiceAccess;
            this.privateServiceAccessAddress = new gcp.compute.GlobalAddress(
                this.childName("psa-range"),
                {
                    project,
                    name: physical("psa"),
                    description: "Private service access allocation (Cloud SQL, Memorystore)",
                    purpose: "VPC_PEERING",
                    addressType: "INTERNAL",
                    address: allocation.address,
                    prefixLength: allocation.prefixLength,
                    network: this.network.id,
                },
                this.childOptions(),
            );
            this.privateServiceAccessConnection = new gcp.servicenetworking.Connection(
                this.childName("psa-connection"),
                {
                    network: this.network.id,
                    service: SERVICE_NETWORKING_SERVICE,
                    reservedPeeringRanges: [this.privateServiceAccessAddress.name],
                },
                this.childOptions(),
            );
            this.privateServiceAccessRange = this.privateServiceAccessAddress.name;
        } else {
            this.privateServiceAccessCidr = undefined;
            this.privateServiceAccessAddress = undefined;
            this.privateServiceAccessConnection = undefined;
            this.privateServiceAccessRange = undefined;
        }

        this.complete("networkId", "networkSelfLink", "subnetSelfLinks", "podRangeName", "serviceRangeName", "privateServiceAccessRange");
    }
}

/** Every problem with GcpNetwork's arguments (the CIDR rules are the ones config validation uses). */
export function validateGcpNetworkArgs(
    args: GcpNetworkArgs,
    egress: GcpEgress,
    flowLogs: Required<GcpFlowLogArgs>,
    healthCheckPorts: readonly number[],
): Issue[] {
    const issues: Issue[] = [...checkGcpProject("project", args.project)];
    const regions = args.regions ?? [];
    if (regions.length === 0) {
        issues.push({
            field: "regions",
            value: args.regions,
            problem: "no region given",
            fix: 'list at least one region with its range, primary first, e.g. [{ region: "us-west1", cidr: "10.40.0.0/16" }]',
        });
    }
    const labelled: LabelledCidr[] = [];
    regions.forEach(({ region, cidr }, i) => {
        issues.push(...checkPattern(`regions[${i}].region`, region, GCP_REGION_PATTERN, "a GCP region, e.g. us-west1"));
        const first = regions.findIndex((r) => r.region === region);
        if (first < i) {
            issues.push({
                field: `regions[${i}].region`,
                value: region,
                problem: `repeats regions[${first}].region`,
                fix: "list each region once (one subnet per region)",
            });
        }
        const cidrIssues = checkPrivateNetworkCidr(`regions[${i}].cidr`, cidr, GCP_REGION_PREFIX_RANGE);
        issues.push(...cidrIssues);
        if (cidrIssues.length === 0 && tryParseCidr(cidr).ok) labelled.push({ label: `regions[${i}].cidr`, cidr });
    });
    issues.push(...checkNoOverlaps(labelled));
    issues.push(...checkOneOf("egress", egress, GCP_EGRESS_MODES));
    issues.push(...checkOneOf("flowLogs.aggregationInterval", flowLogs.aggregationInterval, FLOW_LOG_AGGREGATION_INTERVALS));
    const sampling = flowLogs.flowSampling;
    if (typeof sampling !== "number" || !Number.isFinite(sampling) || sampling <= 0 || sampling > 1) {
        issues.push({
            field: "flowLogs.flowSampling",
            value: sampling,
            problem: "must be greater than 0 and at most 1",
            fix: "use a fraction such as 0.5 (lower it to cut cost; flow logs stay on)",
        });
    }
    issues.push(...checkOneOf("flowLogs.metadata", flowLogs.metadata, FLOW_LOG_METADATA_MODES));
    if (healthCheckPorts.length === 0) {
        issues.push({
            field: "firewall.healthCheckPorts",
            value: healthCheckPorts,
            problem: "an empty port list would allow health checks to every port",
            fix: "list the ports backends serve, e.g. [80, 443, 8080]",
        });
    }
    healthCheckPorts.forEach((port, i) => {
        if (!Number.isInteger(port) || port < 1 || port > 65535) {
            issues.push({
                field: `firewall.healthCheckPorts[${i}]`,
                value: port,
                problem: "is not a port number",
                fix: "use whole numbers from 1 to 65535",
            });
        } else if (healthCheckPorts.indexOf(port) !== i) {
            issues.push({ field: `firewall.healthCheckPorts[${i}]`, value: port, problem: "is listed twice", fix: "list each port once" });
        }
    });
    return issues;
}

function protocolInput(spec: { protocol: string; ports?: readonly string[] }): { protocol: string; ports?: string[] } {
    return spec.ports === undefined ? { protocol: spec.protocol } : { protocol: spec.protocol, ports: [...spec.ports] };
}

/** The object without its undefined properties, so `{ x: undefined }` does not override a default. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
    return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
