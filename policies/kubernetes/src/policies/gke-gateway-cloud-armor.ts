import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, resourceLabel, seedTags } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { anyUnknown, httpRoutes, policyDefaultsByTarget, publicGateways, routesOn } from "../gke-gateway.js";

/**
 * Every Service an internet-facing GKE Gateway sends traffic to is guarded by Cloud Armor (issue 12,
 * seed 002 "WAF"): a GCPBackendPolicy targeting the Service with `default.securityPolicy` set.
 * Without it GKE builds the backend service with no security policy, and the internet reaches the
 * pods with no OWASP rules and no rate limit: the GCP twin of aws-wafv2-on-public-lb.
 */
export const gkeGatewayCloudArmor: StackValidationPolicy = {
    name: "kubernetes-gke-gateway-cloud-armor",
    description: "Services behind an internet-facing GKE Gateway have a GCPBackendPolicy with a Cloud Armor security policy.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("002"),
    remediationSteps:
        "Add a networking.gke.io/v1 GCPBackendPolicy targeting the Service with spec.default.securityPolicy naming the Cloud Armor policy (GkePublicGateway does, with GcpPublicEdge's policy).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources#configure_cloud_armor",
    validateStack: (args, reportViolation) => {
        const gateways = publicGateways(args.resources);
        if (gateways.length === 0) return;
        const policies = policyDefaultsByTarget(args.resources, KUBERNETES_TYPES.gcpBackendPolicy);
        if (anyUnknown(policies)) return;
        const routes = httpRoutes(args.resources);
        for (const gateway of gateways) {
            const services = new Set(gateway.listeners.flatMap((l) => routesOn(gateway, l, routes).flatMap((r) => r.services)));
            for (const service of [...services].sort()) {
                const [namespace, name] = service.split("/");
                const spec = policies.get(`${namespace ?? ""}/Service/${name ?? ""}`);
                const armor = spec === undefined || spec === "unknown" ? undefined : asString(spec["securityPolicy"]);
                if (armor !== undefined && armor.length > 0) continue;
                reportViolation(
                    `Service ${service} is reachable from the internet through Gateway ${gateway.namespace}/${gateway.name} (${resourceLabel(gateway.resource)}) ${spec === undefined ? "with no GCPBackendPolicy" : "and its GCPBackendPolicy sets no securityPolicy"}; attach the Cloud Armor policy.`,
                    gateway.resource.urn,
                );
            }
        }
    },
};
