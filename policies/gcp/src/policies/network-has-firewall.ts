import type { StackValidationPolicy } from "@pulumi/policy";
import { checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * Every VPC network of the stack has firewall rules of its own (CKV2_GCP_18): a custom network
 * starts with GCP's implied rules only, and the platform states its intent explicitly (deny all
 * ingress, then allow the health checks, IAP and internal traffic it needs; GcpNetwork does), so a
 * network without any rule in the stack was made outside the platform's pattern. Reported on the
 * network.
 */
export const networkHasFirewall: StackValidationPolicy = {
    name: "gcp-network-has-firewall",
    description: "VPC networks have firewall rules of their own.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_GCP_18: "Ensure GCP network defines a firewall and does not use the default firewall" }),
    remediationSteps:
        "Add gcp.compute.Firewall rules for the network: a deny-all ingress rule at low priority, then the allows the workloads need (the platform's GcpNetwork creates them).",
    url: "https://cloud.google.com/firewall/docs/firewalls#default_firewall_rules",
    validateStack: (args, reportViolation) => {
        const firewalls = resourcesOfTypes(args.resources, GCP_TYPES.firewall);
        for (const network of resourcesOfTypes(args.resources, GCP_TYPES.network)) {
            if (firewalls.some((f) => referencedResources(f, "network", [network]).length > 0)) continue;
            reportViolation(
                `VPC network ${resourceLabel(network)} has no firewall rule in the stack; add a deny-all ingress rule and the allows it needs.`,
                network.urn,
            );
        }
    },
};
