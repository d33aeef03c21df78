/** Route 53 helpers of the aws pack: which hosted zones are public. */
import type { PolicyResource } from "@pulumi/policy";
import { resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** Hosted zones without VPC associations (a private zone lists its VPCs); unknown `vpcs` counts as private (not judged). */
export function publicZones(resources: readonly PolicyResource[]): PolicyResource[] {
    return resourcesOfTypes(resources, AWS_TYPES.route53Zone).filter((zone) => {
        const vpcs = tryRead(() => zone.props["vpcs"] as unknown);
        return vpcs.known && (vpcs.value === undefined || (Array.isArray(vpcs.value) && vpcs.value.length === 0));
    });
}
