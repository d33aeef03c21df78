/**
 * Subnet carving. Every subnet's CIDR depends only on the network CIDR, its tier and its AZ slot,
 * never on how many AZs are in use: adding an AZ later adds subnets and never renumbers (and so
 * never replaces) the existing ones. This is the property terraform-aws-modules users lose when
 * they compute subnets with `cidrsubnets(...)` over a list whose length changes.
 */
import { type Ipv4Cidr, formatCidr, parseCidr, subdivide } from "./ipv4.js";

/** Subnet tiers of an AWS network. */
export const SUBNET_TIERS = ["public", "private", "isolated"] as const;
/**
 * - `public`: load balancers and NAT gateways; routes to the internet gateway.
 * - `private`: workloads (EKS nodes and pods); egress through NAT only.
 * - `isolated`: data services (RDS, ElastiCache, MQ); no route out of the VPC at all.
 */
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** AZ slots reserved in every AWS network plan; at most this many AZs can be used. */
export const MAX_AZ_SLOTS = 4;
/** Largest and smallest VPC prefix the AWS plan supports (AWS allows /16../28; public needs /28). */
export const AWS_VPC_PREFIX_RANGE = { min: 16, max: 23 } as const;

/**
 * Where each tier lives inside a VPC of prefix `p`, as (block prefix offset, block index) and the
 * per-AZ subnet prefix offset. For a /16:
 *   private  10.x.0.0/17  -> four /19 (8,190 usable addresses each: room for VPC-CNI pod IPs)
 *   isolated 10.x.128.0/18 -> four /20
 *   public   10.x.192.0/19 -> four /21
 *   spare    10.x.224.0/19 (left for later tiers, e.g. transit attachments)
 */
const AWS_TIER_LAYOUT: Record<SubnetTier, { blockOffset: number; blockIndex: number; subnetOffset: number }> = {
    private: { blockOffset: 1, blockIndex: 0, subnetOffset: 3 },
    isolated: { blockOffset: 2, blockIndex: 2, subnetOffset: 4 },
    public: { blockOffset: 3, blockIndex: 6, subnetOffset: 5 },
};

/** One planned subnet. */
export interface PlannedSubnet {
    readonly tier: SubnetTier;
    /** Position of the AZ in the network's AZ list (0-based); also its CIDR slot. */
    readonly azIndex: number;
    readonly cidr: string;
}

/** The CIDR of one tier's subnet in one AZ slot. */
export function awsSubnetCidr(vpc: Ipv4Cidr, tier: SubnetTier, azIndex: number): Ipv4Cidr {
    const layout = AWS_TIER_LAYOUT[tier];
    const block = subdivide(vpc, vpc.prefix + layout.blockOffset, layout.blockIndex);
    return subdivide(block, vpc.prefix + layout.subnetOffset, azIndex);
}

/**
 * Plans public, private and isolated subnets for `azCount` AZs, ordered tier by tier
 * (public, private, isolated) and AZ by AZ within a tier.
 */
export function planAwsSubnets(vpcCidr: string, azCount: number): PlannedSubnet[] {
    const vpc = parseCidr(vpcCidr);
    if (vpc.prefix < AWS_VPC_PREFIX_RANGE.min || vpc.prefix > AWS_VPC_PREFIX_RANGE.max) {
        throw new RangeError(
            `VPC CIDR ${vpcCidr} has prefix /${vpc.prefix}; the subnet plan needs /${AWS_VPC_PREFIX_RANGE.min}../${AWS_VPC_PREFIX_RANGE.max}`,
        );
    }
    if (!Number.isInteger(azCount) || azCount < 1 || azCount > MAX_AZ_SLOTS) {
        throw new RangeError(`azCount ${azCount} must be a whole number from 1 to ${MAX_AZ_SLOTS}`);
    }
    const subnets: PlannedSubnet[] = [];
    for (const tier of SUBNET_TIERS) {
        for (let azIndex = 0; azIndex < azCount; azIndex++) {
            subnets.push({ tier, azIndex, cidr: formatCidr(awsSubnetCidr(vpc, tier, azIndex)) });
        }
    }
    return subnets;
}

/** Supported prefix range for a GCP regional range (pods need /p+2, nodes /p+4 >= /29). */
export const GCP_REGION_PREFIX_RANGE = { min: 8, max: 20 } as const;

/** The ranges carved from one GCP region's CIDR. */
export interface GcpRegionPlan {
    /** Primary range of the regional subnet (nodes, VMs, internal load balancers). */
    readonly nodes: string;
    /** Secondary range for GKE Services (ClusterIPs). */
    readonly services: string;
    /** Reserved for a REGIONAL_MANAGED_PROXY subnet (internal HTTP(S) load balancers). */
    readonly proxyOnly: string;
    /** Private service access (Cloud SQL, Memorystore) peering range. */
    readonly privateServiceAccess: string;
    /** Secondary range for GKE Pods (the largest: one /24 per node by default). */
    readonly pods: string;
}

/**
 * Plans one GCP region's ranges from a regional CIDR of prefix `p`. For a /16:
 *   nodes .0.0/20, services .16.0/20, proxy-only .32.0/20, private service access .48.0/20,
 *   pods .64.0/18, spare .128.0/17.
 */
export function planGcpRegion(regionCidr: string): GcpRegionPlan {
    const region = parseCidr(regionCidr);
    if (region.prefix < GCP_REGION_PREFIX_RANGE.min || region.prefix > GCP_REGION_PREFIX_RANGE.max) {
        throw new RangeError(
            `regional CIDR ${regionCidr} has prefix /${region.prefix}; the GCP plan needs /${GCP_REGION_PREFIX_RANGE.min}../${GCP_REGION_PREFIX_RANGE.max}`,
        );
    }
    const small = (index: number): string => formatCidr(subdivide(region, region.prefix + 4, index));
    return {
        nodes: small(0),
        services: small(1),
        proxyOnly: small(2),
        privateServiceAccess: small(3),
        pods: formatCidr(subdivide(region, region.prefix + 2, 1)),
    };
}
