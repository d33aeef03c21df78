import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, resourceLabel, resourcesOfTypes, seedTags, tryRead } from "@platform/policy-kit";
import { AWS_TYPES, INTERNAL_LOAD_BALANCER_ANNOTATIONS, KUBERNETES_TYPES } from "@platform/facts";
import { publicGateways } from "../gke-gateway.js";

/**
 * Where a chart puts its Service in the release's values, for the gateway charts the platform
 * installs; each defaults to type LoadBalancer when `type` is unset.
 */
export const GATEWAY_CHART_SERVICES: Readonly<Record<string, readonly string[]>> = {
    "ingress-nginx": ["controller", "service"],
    kong: ["proxy"],
    gateway: ["service"],
};

type Annotation = { readonly key: string; readonly value: string };

/** The internal annotations that count, by the edge's cloud: AWS's where a web ACL is attached, GKE's where a public Gateway exists. */
function internalAnnotations(resources: readonly PolicyResource[]): readonly Annotation[] {
    const aws = resourcesOfTypes(resources, AWS_TYPES.wafv2WebAclAssociation).length > 0;
    const gke = publicGateways(resources).length > 0;
    return [...(aws ? INTERNAL_LOAD_BALANCER_ANNOTATIONS.aws : []), ...(gke ? INTERNAL_LOAD_BALANCER_ANNOTATIONS.gcp : [])];
}

/** A Service spec (or a chart's service values) asks for a load balancer that is not internal. */
function publicLoadBalancer(
    service: Record<string, unknown> | undefined,
    annotations: Record<string, unknown> | undefined,
    internal: readonly Annotation[],
): boolean {
    const type = asString(service?.["type"]) ?? "LoadBalancer";
    if (type !== "LoadBalancer") return false;
    return !internal.some((a) => asString(annotations?.[a.key]) === a.value);
}

function at(record: Record<string, unknown> | undefined, path: readonly string[]): Record<string, unknown> | undefined {
    return path.reduce<Record<string, unknown> | undefined>((r, key) => asRecord(r?.[key]), record);
}

/**
 * Where the stack has a public edge (an AWS WAF web ACL attached to a load balancer, or an
 * internet-facing GKE Gateway), the edge is the only way in from the internet: every other
 * `LoadBalancer` Service, and the Service of every gateway chart the platform installs
 * (ingress-nginx, Kong, Istio's gateway), is internal. A public load balancer beside the edge is a
 * second entry with no WAF, no Cloud Armor and no rate limit (docs/decisions.md "Public edge").
 */
export const gatewaysBehindPublicEdge: StackValidationPolicy = {
    name: "kubernetes-gateways-behind-public-edge",
    description: "Where the stack has a public edge, no other load balancer faces the internet.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("001", "002"),
    remediationSteps:
        'Make the Service\'s load balancer internal (AWS: service.beta.kubernetes.io/aws-load-balancer-internal: "true"; GKE: networking.gke.io/load-balancer-type: Internal; the platform\'s IngressNginx and Kong take exposure: "internal") or ClusterIP, and route public traffic through the edge and the Istio ingress gateway.',
    url: "https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer",
    validateStack: (args, reportViolation) => {
        const internal = internalAnnotations(args.resources);
        if (internal.length === 0) return;
        const accepted = internal.map((a) => `${a.key}: ${a.value}`).join(" or ");
        // Values unknown in a preview are not judged.
        for (const release of resourcesOfTypes(args.resources, KUBERNETES_TYPES.helmRelease)) {
            const read = tryRead(() => {
                const path = GATEWAY_CHART_SERVICES[asString(release.props["chart"]) ?? ""];
                const service = path === undefined ? undefined : at(asRecord(release.props["values"]) ?? {}, path);
                return { path, service: JSON.parse(JSON.stringify(service ?? {})) as Record<string, unknown> };
            });
            if (!read.known || read.value.path === undefined) continue;
            const { path, service } = read.value;
            if (publicLoadBalancer(service, asRecord(service["annotations"]), internal)) {
                reportViolation(
                    `${resourceLabel(release)} (chart ${asString(release.props["chart"]) ?? "?"}) asks for an internet-facing load balancer (values.${path.join(".")}) beside the public edge; make it internal (${accepted}) or ClusterIP.`,
                    release.urn,
                );
            }
        }
        for (const service of resourcesOfTypes(args.resources, KUBERNETES_TYPES.service)) {
            const props: Record<string, unknown> = service.props;
            const read = tryRead(
                () => JSON.parse(JSON.stringify({ spec: props["spec"], metadata: props["metadata"] })) as Record<string, unknown>,
            );
            if (!read.known) continue;
            const metadata = asRecord(read.value["metadata"]);
            const spec = asRecord(read.value["spec"]);
            // A Service without a type is ClusterIP (the API's default, unlike the charts').
            if (asString(spec?.["type"]) !== "LoadBalancer") continue;
            if (publicLoadBalancer(spec, asRecord(metadata?.["annotations"]), internal)) {
                reportViolation(
                    `Service ${asString(metadata?.["namespace"]) ?? "default"}/${asString(metadata?.["name"]) ?? service.name} is an internet-facing load balancer beside the public edge; make it internal (${accepted}) or ClusterIP.`,
                    service.urn,
                );
            }
        }
    },
};
