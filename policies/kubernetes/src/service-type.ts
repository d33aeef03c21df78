/** The namespaces whose Services may be LoadBalancer or NodePort: the platform's gateways and ingress controllers. */
export const GATEWAY_NAMESPACES = ["ingress-nginx", "istio-ingress", "kong"] as const;
