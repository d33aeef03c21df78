import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, asStringArray, gatekeeper, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";
import { GATEWAY_NAMESPACES } from "../service-type.js";

/**
 * No LoadBalancer Services outside the gateways' namespaces (`allowedNamespaces`, by default
 * ingress-nginx, istio-ingress and kong): every other service is reached through a gateway, where
 * TLS, WAF and rate limits apply, not through a load balancer of its own.
 */
export const noLoadBalancerService: ResourceValidationPolicy = {
    name: "kubernetes-no-loadbalancer-service",
    description: "Only the gateways' Services are of type LoadBalancer.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: gatekeeper({ K8sBlockLoadBalancer: "Block Services with type LoadBalancer" }),
    remediationSteps:
        "Use a ClusterIP Service and expose it through the Istio ingress gateway, ingress-nginx or Kong (an Ingress or a Gateway route); list a gateway's namespace in allowedNamespaces only for a gateway.",
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/block-loadbalancer-services",
    configSchema: { properties: { allowedNamespaces: { type: "array", items: { type: "string" }, default: [...GATEWAY_NAMESPACES] } } },
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.service], (props, args, reportViolation) => {
        if (asString(asRecord(props["spec"])?.["type"]) !== "LoadBalancer") return;
        const namespace = asString(asRecord(props["metadata"])?.["namespace"]) ?? "default";
        if (asStringArray(args.getConfig<Record<string, unknown>>()["allowedNamespaces"]).includes(namespace)) return;
        reportViolation(
            `${objectLabel(args.type, props, args.name)} is of type LoadBalancer outside the gateways' namespaces; make it ClusterIP and route to it through a gateway.`,
        );
    }),
};
