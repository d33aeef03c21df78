/**
 * The GCP network plan as pure data: one regional subnet per region with its GKE secondary
 * ranges, and the private service access allocation. Every range comes from core's
 * `planGcpRegion`, so it depends only on that region's CIDR: adding a region never renumbers
 * (and so never replaces) another region's subnet.
 */
import { type GcpRegionPlan, parseCidr, planGcpRegion, type RegionalRange } from "@platform/core";

/** Name of the secondary range GKE uses for Pod IPs (`ipAllocationPolicy.clusterSecondaryRangeName`). */
export const GCP_POD_RANGE_NAME = "pods";
/** Name of the secondary range GKE uses for Service IPs (`ipAllocationPolicy.servicesSecondaryRangeName`). */
export const GCP_SERVICE_RANGE_NAME = "services";

/** A secondary range of a subnet, in the provider's input shape. */
export interface SecondaryRangeSpec {
    readonly rangeName: string;
    readonly ipCidrRange: string;
}

/** One planned regional subnet. */
export interface GcpSubnetSpec {
    readonly region: string;
    /** The region's whole range, as configured. */
    readonly regionCidr: string;
    /** Primary range of the subnet (nodes, VMs, internal load balancers). */
    readonly ipCidrRange: string;
    /** `pods` then `services`. */
    readonly secondaryIpRanges: readonly SecondaryRangeSpec[];
    /** The full carve of the region (including ranges reserved for later: proxy-only, PSA). */
    readonly ranges: GcpRegionPlan;
}

/** Plans one subnet per region, in the order given (primary first). Inputs must already be validated. */
export function planGcpSubnets(regions: readonly RegionalRange[]): GcpSubnetSpec[] {
    return regions.map(({ region, cidr }) => {
        const ranges = planGcpRegion(cidr);
        return {
            region,
            regionCidr: cidr,
            ipCidrRange: ranges.nodes,
            secondaryIpRanges: [
                { rangeName: GCP_POD_RANGE_NAME, ipCidrRange: ranges.pods },
                { rangeName: GCP_SERVICE_RANGE_NAME, ipCidrRange: ranges.services },
            ],
            ranges,
        };
    });
}

/** A `gcp.compute.GlobalAddress` allocation (`address` + `prefixLength`) for a CIDR block. */
export interface AddressAllocation {
    readonly address: string;
    readonly prefixLength: number;
}

/**
 * The private service access allocation: the primary region's `privateServiceAccess` range.
 * Cloud SQL and Memorystore instances in every region of the VPC take their IPs from it.
 */
export function privateServiceAccessAllocation(primary: GcpSubnetSpec): AddressAllocation {
    const block = parseCidr(primary.ranges.privateServiceAccess);
    const [address] = primary.ranges.privateServiceAccess.split("/");
    return { address, prefixLength: block.prefix };
}
