import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, asStringArray, gatekeeper, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";
import { GATEWAY_NAMESPACES } from "../service-type.js";

/**
 * No NodePort Services outside the gateways' namespaces (`allowedNamespaces`, by default
 * ingress-nginx, istio-ingress and kong): every other service is reached through a gateway, where
 * TLS, WAF and rate limits apply, not through a port opened on every node.
 */
export const noNodePortService: ResourceValidationPolicy = {
    name: "kubernetes-no-nodeport-service",
    description: "Only the gateways' Services are of type NodePort.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: gatekeeper({ K8sBlockNodePort: "Block NodePort" }),
    remediationSteps:
        "Use a ClusterIP Service and expose it through the Istio ingress gateway, ingress-nginx or Kong (an Ingress or a Gateway route); list a gateway's namespace in allowedNamespaces only for a gateway.",
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/block-nodeport-services",
    configSchema: { properties: { allowedNamespaces: { type: "array", items: { type: "string" }, default: [...GATEWAY_NAMESPACES] } } },
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.service], (props, args, reportViolation) => {
        if (asString(asRecord(props["spec"])?.["type"]) !== "NodePort") return;
        const namespace = asString(asRecord(props["metadata"])?.["namespace"]) ?? "default";
        if (asStringArray(args.getConfig<Record<string, unknown>>()["allowedNamespaces"]).includes(namespace)) return;
        reportViolation(
            `${objectLabel(args.type, props, args.name)} is of type NodePort outside the gateways' namespaces; make it ClusterIP and route to it through a gateway.`,
        );
    }),
};
