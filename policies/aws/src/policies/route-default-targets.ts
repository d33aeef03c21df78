import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, checkov, validateResourceOfTypes, type Props } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

const DEFAULT_ROUTES = ["0.0.0.0/0", "::/0"];

/** What a route sends its traffic through that a default route must not use. */
function forbiddenTarget(route: Props): string | undefined {
    if (asNonEmptyString(route["instanceId"]) !== undefined) return "an instance (instanceId)";
    if (asNonEmptyString(route["vpcPeeringConnectionId"]) !== undefined) return "a VPC peering connection (vpcPeeringConnectionId)";
    return undefined;
}

/**
 * Default routes (0.0.0.0/0, ::/0) leave through an internet, NAT or egress-only gateway, never
 * through an instance (CKV2_AWS_35: a NAT instance is one unpatched, unmonitored box carrying every
 * private subnet's traffic) or a VPC peering connection (CKV2_AWS_44: peering is for the peer's
 * ranges; a default route through it sends everything to another VPC). Checked on aws.ec2.Route
 * and on a route table's inline routes.
 */
export const routeDefaultTargets: ResourceValidationPolicy = {
    name: "aws-route-default-targets",
    description: "Default routes go through an internet or NAT gateway, not an instance or a peering connection.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV2_AWS_35: "AWS NAT Gateways should be utilized for the default route",
        CKV2_AWS_44: "Ensure AWS route table with VPC peering does not contain routes overly permissive to all traffic",
    }),
    remediationSteps:
        "Route 0.0.0.0/0 to a NAT gateway (natGatewayId) from private subnets or an internet gateway (gatewayId) from public ones; route only the peer's CIDRs through a peering connection.",
    url: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.route, AWS_TYPES.routeTable], (props, args, reportViolation) => {
        const routes = args.type === AWS_TYPES.route ? [props] : (asArray(props["routes"]) ?? []).map((r) => asRecord(r) ?? {});
        for (const route of routes) {
            const destination =
                asNonEmptyString(route["destinationCidrBlock"] ?? route["cidrBlock"]) ??
                asNonEmptyString(route["destinationIpv6CidrBlock"] ?? route["ipv6CidrBlock"]);
            if (destination === undefined || !DEFAULT_ROUTES.includes(destination)) continue;
            const target = forbiddenTarget(route);
            if (target !== undefined) {
                reportViolation(
                    `${args.type === AWS_TYPES.route ? "route" : "route table"} ${args.name} sends ${destination} through ${target}; route it to a NAT or internet gateway.`,
                );
            }
        }
    }),
};
