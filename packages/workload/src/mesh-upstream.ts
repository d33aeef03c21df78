/**
 * What an ingress controller needs to reach a Workload through the mesh (docs/addons.md, "clients
 * of the mesh"): the apps accept mTLS only, and the controller's sidecar routes, and speaks mTLS
 * for, a request sent to the Service by its name, never one sent to a pod address.
 */
import { KONG_MESH_UPSTREAM, meshServiceHost, NGINX_MESH_UPSTREAM } from "@platform/core";

/** On the Service (the Workload's, or Flagger's apex): Kong sends to it by name. */
export function kongMeshUpstream(service: string, namespace: string): Record<string, string> {
    return { [KONG_MESH_UPSTREAM.serviceUpstream]: "true", [KONG_MESH_UPSTREAM.hostHeader]: meshServiceHost(service, namespace) };
}

/**
 * On an Ingress of class `nginx` whose every path goes to `service` (the vhost is per Ingress:
 * one Service per Ingress). The kubernetes pack's `kubernetes-ingress-nginx-mesh-upstream` requires it.
 */
export function nginxMeshUpstream(service: string, namespace: string): Record<string, string> {
    return { [NGINX_MESH_UPSTREAM.serviceUpstream]: "true", [NGINX_MESH_UPSTREAM.upstreamVhost]: meshServiceHost(service, namespace) };
}
