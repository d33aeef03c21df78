import type { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import {
    asString,
    awsTags,
    knownId,
    referencedResources,
    resourceLabel,
    resourcesOfTypes,
    seedTags,
    stackEnvironments,
    tryRead,
} from "@platform/policy-kit";
import { AWS_TYPES, GCP_TYPES, isProductionEnvironment } from "@platform/facts";

/** Availability zones a production VPC must span (architecture: prod runs across 3 AZs). */
export const MIN_PROD_ZONES = 3;

function zoneOf(subnet: PolicyResource): string | undefined {
    return asString(subnet.props["availabilityZone"]) ?? asString(subnet.props["availabilityZoneId"]);
}

/** Subnets grouped by their VPC: the VPC resource when it is in the stack, else its id (or "unknown"). */
function subnetsByVpc(
    vpcs: readonly PolicyResource[],
    subnets: readonly PolicyResource[],
): Map<string, { vpc?: PolicyResource; label: string; subnets: PolicyResource[] }> {
    const groups = new Map<string, { vpc?: PolicyResource; label: string; subnets: PolicyResource[] }>();
    for (const subnet of subnets) {
        const vpc = referencedResources(subnet, "vpcId", vpcs)[0];
        const id = tryRead(() => asString(subnet.props["vpcId"]));
        const key = vpc?.urn ?? (id.known && id.value ? id.value : "unknown");
        const label = vpc ? resourceLabel(vpc) : `${key} (not in this stack)`;
        const group = groups.get(key) ?? { ...(vpc ? { vpc } : {}), label, subnets: [] };
        group.subnets.push(subnet);
        groups.set(key, group);
    }
    return groups;
}

function checkAws(resources: readonly PolicyResource[], env: string, report: ReportViolation): void {
    const vpcs = resourcesOfTypes(resources, AWS_TYPES.vpc);
    const nats = resourcesOfTypes(resources, AWS_TYPES.natGateway).filter((n) => n.props["connectivityType"] !== "private");
    for (const group of subnetsByVpc(vpcs, resourcesOfTypes(resources, AWS_TYPES.subnet)).values()) {
        const zones = [...new Set(group.subnets.map(zoneOf).filter((z): z is string => z !== undefined))].sort();
        if (zones.length < MIN_PROD_ZONES) {
            report(
                `VPC ${group.label} has subnets in ${zones.length} availability zone(s) (${zones.join(", ") || "none set"}); ${env} needs at least ${MIN_PROD_ZONES}, so add subnets in more zones.`,
                group.vpc?.urn,
            );
        }
        const publicZones = [...new Set(group.subnets.filter((s) => awsTags(s)["tier"] === "public").map(zoneOf))]
            .filter((z): z is string => z !== undefined)
            .sort();
        const natZones = new Set(nats.flatMap((nat) => referencedResources(nat, "subnetId", group.subnets).map(zoneOf)));
        for (const zone of publicZones.filter((z) => !natZones.has(z))) {
            report(
                `VPC ${group.label} has no NAT gateway in ${zone}; ${env} needs an aws.ec2.NatGateway in the public subnet of every zone (natGateways: "perAz") so private subnets keep egress when a zone fails.`,
                group.vpc?.urn,
            );
        }
    }
}

function regionOf(resource: PolicyResource): string | undefined {
    return asString(resource.props["region"]) ?? asString(resource.provider?.props["region"]);
}

/** Purposes of subnetworks that hold instances (and so need egress); proxy-only and PSC ranges do not. */
const INSTANCE_SUBNET_PURPOSES: ReadonlyArray<string | undefined> = [undefined, "PRIVATE", "PRIVATE_RFC_1918"];

function checkGcp(resources: readonly PolicyResource[], env: string, report: ReportViolation): void {
    const routers = resourcesOfTypes(resources, GCP_TYPES.router);
    const natRegions = new Set(
        resourcesOfTypes(resources, GCP_TYPES.routerNat).map((nat) => {
            // `router` is the router's name; the dependency or the name finds it when the NAT has no region of its own.
            const read = tryRead(() => asString(nat.props["router"]));
            const name = read.known ? read.value : undefined;
            const router =
                referencedResources(nat, "router", routers)[0] ??
                (name === undefined ? undefined : routers.find((r) => asString(r.props["name"]) === name || knownId(r) === name));
            return asString(nat.props["region"]) ?? (router && regionOf(router)) ?? regionOf(nat);
        }),
    );
    const byRegion = new Map<string, string[]>();
    for (const subnet of resourcesOfTypes(resources, GCP_TYPES.subnetwork)) {
        const region = regionOf(subnet);
        if (!region || !INSTANCE_SUBNET_PURPOSES.includes(asString(subnet.props["purpose"]))) continue;
        byRegion.set(region, [...(byRegion.get(region) ?? []), subnet.name]);
    }
    for (const [region, names] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        if (!natRegions.has(region)) {
            report(
                `region ${region} has subnetworks (${names.join(", ")}) but no Cloud NAT; ${env} needs a gcp.compute.RouterNat in every region with subnetworks so instances without external IPs keep egress.`,
            );
        }
    }
}

/**
 * Production network HA (seeds 001/004, architecture profiles): in prod and dr, every VPC spans at
 * least 3 AZs and has a NAT gateway in each AZ with a public subnet (matched through the NAT's
 * `subnetId`); on GCP every region with subnetworks has Cloud NAT. The environment is the
 * `environment` tag/label on the stack's providers; a stack without one is treated as non-prod
 * here (platform-required-tags flags it). Replica counts for platform controllers belong to the cluster slice.
 */
export const haInProd: StackValidationPolicy = {
    name: "platform-ha-in-prod",
    description: "Production networks survive the loss of one availability zone.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("001", "004"),
    remediationSteps:
        'In prod and dr, give every VPC subnets in at least 3 availability zones and a public NAT gateway in each zone that has a public subnet (network profile natGateways: "perAz"); on GCP, add a Cloud NAT (gcp.compute.RouterNat) in every region with subnetworks.',
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    validateStack: (args, reportViolation) => {
        const prodEnvironments = stackEnvironments(args.resources).filter(isProductionEnvironment);
        if (prodEnvironments.length === 0) return;
        const env = prodEnvironments.join("/");
        checkAws(args.resources, env, reportViolation);
        checkGcp(args.resources, env, reportViolation);
    },
};
