/**
 * The platform stack's outputs (`stacks/platform`, project `platform-addons`): the contract app
 * stacks read through {@link TypedStackReference} to deploy Workloads onto the platform's add-ons.
 */
import type { Cloud, EnvironmentName } from "../environments/profiles.js";

export interface PlatformOutputs {
    readonly environment: EnvironmentName;
    readonly cloud: Cloud;
    /** IngressClasses: `nginx` (ingress-nginx) and `kong` (the API gateway). */
    readonly ingressClasses: { readonly nginx: string; readonly kong: string };
    /** Let's Encrypt ClusterIssuers (staging first, then production); empty without a public zone. */
    readonly clusterIssuers: string[];
    /** The ClusterSecretStore of the environment's cloud secret store. */
    readonly secretStore: string;
    /** The ClusterTriggerAuthentication KEDA scalers authenticate with (the operator's cloud identity). */
    readonly kedaTriggerAuthentication: string;
    /** Istio: the gateways' namespaces, the mesh-wide mTLS mode and the public edge's Istio Gateway. */
    readonly istio: {
        readonly ingressGatewayNamespace: string;
        readonly egressGatewayNamespace: string;
        readonly mtlsMode: string;
        /** The Istio Gateway behind the public edge (`istio-ingress/public-edge`) a Workload's `publicRoute` binds to; null without an edge. */
        readonly publicGateway: string | null;
    };
    /** Where apps send OTLP (traces and logs): the OpenTelemetry Collector gateway's Service, gRPC (`host:4317`) and HTTP (`http://host:4318`). */
    readonly otlp: { readonly grpcEndpoint: string; readonly httpEndpoint: string };
    /** Every chart installed, `<chart>` -> `<version>`. */
    readonly charts: Record<string, string>;
    /**
     * GCP: the dr environment's reserved public IPv4 address, the failover secondary prod's DNS
     * points at (`platform:dr.failover.secondaryAddress`): the public edge's global address where
     * `platform:dr.hostnames` is set, else the ingress-nginx load balancer's regional address.
     * Null on AWS.
     */
    readonly publicAddress: string | null;
    /** DNS failover to the dr environment (`platform:dr.failover`): the name and its Route 53 health check; null without. */
    readonly failover: { readonly hostname: string; readonly healthCheckId: string } | null;
    /**
     * The public load balancer in front of the Istio ingress gateway (WAF-guarded), for alias
     * records in other zones (DNS failover); null where the environment has no public zone.
     */
    readonly publicLoadBalancer: PublicLoadBalancerOutputs | null;
}

/**
 * AWS: the ALB's DNS name and canonical hosted zone (an alias target); GCP: the Gateway's global
 * address and the CNAME records that authorize its certificate (prod's
 * `platform:dr.failover.dnsAuthorizations`).
 */
export type PublicLoadBalancerOutputs =
    | { readonly cloud: "aws"; readonly dnsName: string; readonly zoneId: string; readonly arn: string; readonly hostnames: string[] }
    | {
          readonly cloud: "gcp";
          readonly address: string;
          readonly hostnames: string[];
          readonly dnsAuthorizations: { readonly domain: string; readonly recordName: string; readonly recordData: string }[];
      };
