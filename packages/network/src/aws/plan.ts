/**
 * The AWS network plan as pure data: which subnets exist, which AZs host a NAT gateway, and which
 * NAT each private route table uses. The component only turns this plan into resources.
 */
import { type NatGatewayStrategy, planAwsSubnets, type SubnetTier } from "@platform/core";

export interface SubnetSpec {
    readonly tier: SubnetTier;
    readonly azIndex: number;
    readonly availabilityZone: string;
    readonly cidr: string;
}

export interface AwsNetworkPlan {
    readonly subnets: readonly SubnetSpec[];
    /** AZ indexes whose public subnet hosts a NAT gateway. */
    readonly natAzIndexes: readonly number[];
    /** For each AZ index, the AZ index of the NAT its private route table targets (undefined: no NAT). */
    readonly privateRouteNat: ReadonlyArray<number | undefined>;
}

/** AZ indexes that host a NAT gateway for the strategy. */
export function natAzIndexes(strategy: NatGatewayStrategy, azCount: number): number[] {
    switch (strategy) {
        case "none":
            return [];
        case "single":
            return [0];
        case "perAz":
            return Array.from({ length: azCount }, (_, i) => i);
    }
}

/** The NAT (by AZ index) that a private subnet in `azIndex` routes through. */
export function natForAz(strategy: NatGatewayStrategy, azIndex: number): number | undefined {
    switch (strategy) {
        case "none":
            return undefined;
        case "single":
            return 0;
        case "perAz":
            return azIndex;
    }
}

export function planAwsNetwork(cidrBlock: string, availabilityZones: readonly string[], nat: NatGatewayStrategy): AwsNetworkPlan {
    const subnets = planAwsSubnets(cidrBlock, availabilityZones.length).map((s) => ({
        ...s,
        availabilityZone: availabilityZones[s.azIndex],
    }));
    return {
        subnets,
        natAzIndexes: natAzIndexes(nat, availabilityZones.length),
        privateRouteNat: availabilityZones.map((_, i) => natForAz(nat, i)),
    };
}

/** Tags that let the AWS Load Balancer Controller and EKS discover subnets by tier. */
export function kubernetesSubnetTags(tier: SubnetTier, clusterName: string | undefined): Record<string, string> {
    const tags: Record<string, string> = {};
    if (tier === "public") {
        tags["kubernetes.io/role/elb"] = "1";
    } else if (tier === "private") {
        tags["kubernetes.io/role/internal-elb"] = "1";
    }
    if (clusterName !== undefined && tier !== "isolated") {
        tags[`kubernetes.io/cluster/${clusterName}`] = "shared";
    }
    return tags;
}
