import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, resourceLabel, seedTags } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { anyUnknown, httpRoutes, policyDefaultsByTarget, publicGateways, routesOn } from "../gke-gateway.js";

/**
 * An internet-facing GKE Gateway serves HTTPS with the platform's TLS floor and plain HTTP only as a
 * redirect (issue 12, seed 002 "TLS 1.2+ at the edge"):
 * - it has an HTTPS listener;
 * - a GCPGatewayPolicy targets it with `default.sslPolicy` set (without one GKE applies Google's
 *   default SSL policy: TLS 1.0 and COMPATIBLE ciphers);
 * - every HTTPRoute on an HTTP listener only redirects to https (no backendRefs).
 * The GCP twin of aws-alb-https-redirect and aws-alb-tls-policy.
 */
export const gkeGatewayHttpsOnly: StackValidationPolicy = {
    name: "kubernetes-gke-gateway-https-only",
    description: "Internet-facing GKE Gateways serve HTTPS under an SSL policy and answer plain HTTP only with a redirect.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("002"),
    remediationSteps:
        "Give the Gateway an HTTPS listener, a networking.gke.io/v1 GCPGatewayPolicy with spec.default.sslPolicy (a RESTRICTED TLS 1.2 policy), and make every route on its HTTP listener a RequestRedirect to scheme https (GkePublicGateway does).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources#configure_ssl_policies",
    validateStack: (args, reportViolation) => {
        const gateways = publicGateways(args.resources);
        if (gateways.length === 0) return;
        const policies = policyDefaultsByTarget(args.resources, KUBERNETES_TYPES.gcpGatewayPolicy);
        const routes = httpRoutes(args.resources);
        for (const gateway of gateways) {
            const label = `Gateway ${gateway.namespace}/${gateway.name} (${resourceLabel(gateway.resource)})`;
            if (!gateway.listeners.some((l) => l.protocol === "HTTPS")) {
                reportViolation(
                    `${label} faces the internet with no HTTPS listener; add one (port 443) with its certificates.`,
                    gateway.resource.urn,
                );
            }
            const spec = policies.get(`${gateway.namespace}/Gateway/${gateway.name}`);
            const ssl = spec === undefined || spec === "unknown" ? undefined : asString(spec["sslPolicy"]);
            if ((ssl === undefined || ssl.length === 0) && !anyUnknown(policies)) {
                reportViolation(
                    `${label} ${spec === undefined ? "has no GCPGatewayPolicy" : "has a GCPGatewayPolicy without sslPolicy"}, so GKE's default SSL policy (TLS 1.0, COMPATIBLE) applies; set spec.default.sslPolicy.`,
                    gateway.resource.urn,
                );
            }
            for (const listener of gateway.listeners.filter((l) => l.protocol === "HTTP")) {
                for (const route of routesOn(gateway, listener, routes).filter((r) => !r.redirectsToHttpsOnly)) {
                    reportViolation(
                        `${label} serves ${resourceLabel(route.resource)} over plain HTTP on listener ${listener.name}; make routes on the HTTP listener redirect to https only.`,
                        gateway.resource.urn,
                    );
                }
            }
        }
    },
};
