import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, asStringMap, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { INGRESS_CLASSES, KUBERNETES_TYPES, meshServiceHost, NGINX_MESH_UPSTREAM } from "@platform/facts";
import { objectLabel } from "../workloads.js";

/** The Services an Ingress routes to: its default backend's and every path's, in order, once each. */
export function ingressBackendServices(spec: Record<string, unknown> | undefined): string[] {
    const backends = [
        asRecord(spec?.["defaultBackend"]),
        ...(asArray(spec?.["rules"]) ?? []).flatMap((rule) =>
            (asArray(asRecord(asRecord(rule)?.["http"])?.["paths"]) ?? []).map((path) => asRecord(asRecord(path)?.["backend"])),
        ),
    ];
    const names = backends.map((b) => asString(asRecord(b?.["service"])?.["name"])).filter((n): n is string => n !== undefined);
    return [...new Set(names)];
}

/**
 * An Ingress on ingress-nginx reaches its Service through the controller's mesh sidecar: the apps
 * accept mTLS only (STRICT), and the sidecar routes and encrypts only what is sent to a Service by
 * its name. ingress-nginx sends to pod addresses unless the Ingress sets
 * `nginx.ingress.kubernetes.io/service-upstream: "true"` and `upstream-vhost` to the Service's
 * in-cluster name, and that vhost is per Ingress, so an Ingress routes to one Service. Without
 * them every request through the Ingress fails at the app's sidecar (docs/addons.md).
 */
export const ingressNginxMeshUpstream: ResourceValidationPolicy = {
    name: "kubernetes-ingress-nginx-mesh-upstream",
    description: "Ingresses on ingress-nginx send to their one Service by name, through the mesh.",
    enforcementLevel: "mandatory",
    severity: "medium",
    // Seed 003: all service-to-service traffic encrypted (STRICT mTLS), which this keeps reachable through nginx.
    tags: seedTags("003"),
    remediationSteps:
        'Create the Ingress with workloadIngress from @platform/workload, or spread nginxMeshUpstream(service, namespace) into its annotations (service-upstream "true", upstream-vhost <service>.<namespace>.svc.cluster.local); give each Service its own Ingress.',
    url: "https://istio.io/latest/docs/ops/integrations/loadbalancers/",
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.ingress], (props, args, reportViolation) => {
        const spec = asRecord(props["spec"]);
        const meta = asRecord(props["metadata"]);
        const annotations = asStringMap(meta?.["annotations"]);
        const ingressClass = asString(spec?.["ingressClassName"]) ?? annotations["kubernetes.io/ingress.class"];
        if (ingressClass !== INGRESS_CLASSES.nginx) return;
        const label = objectLabel(args.type, props, args.name);
        const services = ingressBackendServices(spec);
        if (services.length === 0) return;
        if (services.length > 1) {
            reportViolation(
                `${label} routes to ${services.join(", ")}: ingress-nginx's upstream vhost is one per Ingress; give each Service its own Ingress.`,
            );
            return;
        }
        const namespace = asString(meta?.["namespace"]) ?? "default";
        const host = meshServiceHost(services[0], namespace);
        const upstream = annotations[NGINX_MESH_UPSTREAM.serviceUpstream];
        const vhost = annotations[NGINX_MESH_UPSTREAM.upstreamVhost];
        if (upstream !== "true") {
            reportViolation(
                `${label} has ${NGINX_MESH_UPSTREAM.serviceUpstream} = ${upstream === undefined ? "(unset)" : JSON.stringify(upstream)}: nginx would send to pod addresses, which the app's sidecar refuses. Fix: set it to "true" (nginxMeshUpstream).`,
            );
        }
        if (vhost !== host) {
            reportViolation(
                `${label} has ${NGINX_MESH_UPSTREAM.upstreamVhost} = ${vhost === undefined ? "(unset)" : JSON.stringify(vhost)}: the mesh routes by the Service's name. Fix: set it to "${host}" (nginxMeshUpstream).`,
            );
        }
    }),
};
